using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>identifier:of-type=type-system|type-code|value</c>.</summary>
public sealed record TokenOfTypeExpression(SearchParameterInfo Parameter, string? TypeSystem, string TypeCode, string Value) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
