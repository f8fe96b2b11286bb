using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A uri: equal, <c>:below</c> (the stored uri starts with the value) or <c>:above</c> (the value starts with the stored uri).</summary>
public sealed record UriExpression(SearchParameterInfo Parameter, UriMatch Match, string Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
