namespace FhirEf.Core.Search.Expressions;

/// <summary>Every operand holds (repeated parameters).</summary>
public sealed record AndExpression(IReadOnlyList<SearchExpression> Operands) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
