namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>Navigation to the children named <see cref="Name"/> of every item of <see cref="Target"/>.</summary>
public sealed record MemberExpression(ExpressionNode Target, string Name, int Position) : ExpressionNode(Position)
{
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitMember(this);
}
