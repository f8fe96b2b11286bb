namespace FhirEf.Core.Search.Expressions;

/// <summary>The operand does not hold (<c>:not</c>, <c>ne</c>, <c>:not-in</c>).</summary>
public sealed record NotExpression(SearchExpression Operand) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
