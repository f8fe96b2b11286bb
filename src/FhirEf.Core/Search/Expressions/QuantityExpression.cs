using FhirEf.Core.Definitions;
using FhirEf.Core.Search.Values;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A quantity: the number as for <see cref="NumberExpression"/>, and the unit (<c>system|code</c>, or code/unit with no system).</summary>
public sealed record QuantityExpression(SearchParameterInfo Parameter, SearchPrefix Prefix, SearchNumber Value, string? System, string? Code) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
