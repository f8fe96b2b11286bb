using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>:text</c>: the display or text starts with the value, case- and accent-insensitively.</summary>
public sealed record TokenTextExpression(SearchParameterInfo Parameter, string Text) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
