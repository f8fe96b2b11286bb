namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>An infix operator other than <c>is</c> and <c>as</c>.</summary>
public sealed record BinaryExpression(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitBinary(this);
}
