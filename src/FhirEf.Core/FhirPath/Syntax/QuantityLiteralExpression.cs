namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// A quantity literal: <c>10 'mg'</c> (a UCUM unit) or <c>4 days</c> (a calendar duration keyword,
/// <see cref="IsCalendarKeyword"/>).
/// </summary>
public sealed record QuantityLiteralExpression(string Number, string Unit, bool IsCalendarKeyword, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitQuantityLiteral(this);
}
