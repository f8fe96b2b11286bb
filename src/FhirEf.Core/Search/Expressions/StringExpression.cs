using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A string value: starts with (default), equals (<c>:exact</c>) or contains (<c>:contains</c>).</summary>
public sealed record StringExpression(SearchParameterInfo Parameter, StringMatch Match, string Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
