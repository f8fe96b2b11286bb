namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>Unary polarity: <c>-x</c> or <c>+x</c>.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, ExpressionNode Operand, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitUnary(this);
}
