namespace FhirEf.Core.Search.Expressions;

/// <summary>The resource is in the compartment of CompartmentType/Id.</summary>
public sealed record CompartmentExpression(string CompartmentType, string Id) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
