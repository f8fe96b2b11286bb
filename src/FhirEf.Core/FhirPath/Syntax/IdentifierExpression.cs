namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// An identifier that starts a path (<c>name</c> in <c>name.given</c>, <c>Patient</c> in
/// <c>Patient.name</c>). It is resolved as a type name first, then as a member of the focus.
/// </summary>
public sealed record IdentifierExpression(string Name, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitIdentifier(this);
}
