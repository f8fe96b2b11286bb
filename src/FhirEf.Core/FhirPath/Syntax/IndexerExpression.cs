namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>The indexer <c>Target[Index]</c> (zero-based).</summary>
public sealed record IndexerExpression(ExpressionNode Target, ExpressionNode Index, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitIndexer(this);
}
