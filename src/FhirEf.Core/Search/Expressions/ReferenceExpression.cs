using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A reference: <c>Type/id</c> (TargetType null: any allowed type), an absolute URL, or a canonical URL with version.</summary>
public sealed record ReferenceExpression(SearchParameterInfo Parameter, string? TargetType, string? Id, string? Url, string? Version) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
