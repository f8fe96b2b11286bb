namespace FhirEf.Core.Search.Expressions;

/// <summary><c>_id</c>: the logical id is one of these.</summary>
public sealed record IdExpression(IReadOnlyList<string> Ids) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
