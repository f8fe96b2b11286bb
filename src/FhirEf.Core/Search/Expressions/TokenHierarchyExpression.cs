using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>:below</c> / <c>:above</c> a code in a CodeSystem hierarchy.</summary>
public sealed record TokenHierarchyExpression(SearchParameterInfo Parameter, string? System, string Code, bool Below) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
