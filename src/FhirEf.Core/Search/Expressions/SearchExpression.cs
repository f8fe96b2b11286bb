namespace FhirEf.Core.Search.Expressions;

/// <summary>
/// A node of a bound search: what must hold for a resource to match, independent of storage. The
/// translator turns the tree into a LINQ predicate per resource type.
/// </summary>
public abstract record SearchExpression
{
    public abstract T Accept<T>(ISearchExpressionVisitor<T> visitor);
}
