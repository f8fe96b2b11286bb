namespace FhirEf.Core.FhirPath.Syntax;

/// <summary><c>$this</c>, <c>$index</c> or <c>$total</c>.</summary>
public sealed record SpecialVariableExpression(SpecialVariable Variable, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitSpecialVariable(this);
}
