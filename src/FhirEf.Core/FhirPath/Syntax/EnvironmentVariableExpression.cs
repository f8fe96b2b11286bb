namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>An environment variable: <c>%resource</c>, <c>%`vs-name`</c> or <c>%'name'</c>.</summary>
public sealed record EnvironmentVariableExpression(string Name, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitEnvironmentVariable(this);
}
