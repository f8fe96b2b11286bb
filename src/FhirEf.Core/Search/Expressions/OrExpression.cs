namespace FhirEf.Core.Search.Expressions;

/// <summary>At least one operand holds (comma-separated values).</summary>
public sealed record OrExpression(IReadOnlyList<SearchExpression> Operands) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
