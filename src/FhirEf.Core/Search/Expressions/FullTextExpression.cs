using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>_text</c> / <c>_content</c>: every folded term occurs.</summary>
public sealed record FullTextExpression(SearchParameterInfo Parameter, IReadOnlyList<string> Terms) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
