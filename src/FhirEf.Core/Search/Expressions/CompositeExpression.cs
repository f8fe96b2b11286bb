using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A composite: every component expression holds on the same composite value (in the components' order).</summary>
public sealed record CompositeExpression(SearchParameterInfo Parameter, IReadOnlyList<SearchExpression> Components) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
