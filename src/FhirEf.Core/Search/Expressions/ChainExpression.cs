using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>subject:Patient.name=x</c>: a literal reference of the parameter points at a TargetType resource for which Target holds.</summary>
public sealed record ChainExpression(SearchParameterInfo Reference, string TargetType, SearchExpression Target) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
