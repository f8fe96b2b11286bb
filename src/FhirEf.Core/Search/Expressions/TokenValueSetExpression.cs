using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>:in</c> a ValueSet (negated by <see cref="NotExpression"/> for <c>:not-in</c>).</summary>
public sealed record TokenValueSetExpression(SearchParameterInfo Parameter, string ValueSetUrl) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
