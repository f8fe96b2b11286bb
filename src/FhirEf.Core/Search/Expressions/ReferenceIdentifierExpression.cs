using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>:identifier</c>: a logical reference by identifier.</summary>
public sealed record ReferenceIdentifierExpression(SearchParameterInfo Parameter, string? System, string Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
