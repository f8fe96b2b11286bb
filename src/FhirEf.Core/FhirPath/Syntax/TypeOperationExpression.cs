namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>The operators <c>x is T</c> and <c>x as T</c>.</summary>
public sealed record TypeOperationExpression(TypeOperator Operator, ExpressionNode Operand, TypeSpecifier Type, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitTypeOperation(this);
}
