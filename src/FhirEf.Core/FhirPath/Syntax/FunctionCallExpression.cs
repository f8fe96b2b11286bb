namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// A function invocation. <see cref="Target"/> is the expression before the dot, or null when the
/// function is invoked on the implicit focus (<c>where(...)</c> at the start of a path).
/// </summary>
public sealed record FunctionCallExpression(ExpressionNode? Target, string Name, IReadOnlyList<ExpressionNode> Arguments, int Position)
    : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitFunctionCall(this);
}
