namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>The empty collection literal <c>{ }</c>.</summary>
public sealed record EmptyExpression(int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitEmpty(this);
}
