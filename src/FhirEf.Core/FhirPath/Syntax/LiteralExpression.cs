namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// A boolean, string, number, date, dateTime or time literal. <see cref="Text"/> is the literal as
/// written (unescaped for strings, without the <c>@</c> for dates and times); the compiler turns it
/// into a value.
/// </summary>
public sealed record LiteralExpression(LiteralKind Kind, string Text, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitLiteral(this);
}
