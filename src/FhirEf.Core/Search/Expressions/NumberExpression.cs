using FhirEf.Core.Definitions;
using FhirEf.Core.Search.Values;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A number: <c>eq</c> within the value's precision range, other prefixes exact.</summary>
public sealed record NumberExpression(SearchParameterInfo Parameter, SearchPrefix Prefix, SearchNumber Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
