using FhirEf.Core.Definitions;
using FhirEf.Core.Search.Values;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A date compared by ranges (R4 search §3.1.1.4.5).</summary>
public sealed record DateExpression(SearchParameterInfo Parameter, SearchPrefix Prefix, SearchDate Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
