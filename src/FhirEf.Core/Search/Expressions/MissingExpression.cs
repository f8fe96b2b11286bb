using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>:missing=true|false</c>: the resource has no value / some value for the parameter.</summary>
public sealed record MissingExpression(SearchParameterInfo Parameter, bool IsMissing) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
