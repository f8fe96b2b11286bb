using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary>A token: <c>code</c> (any system), <c>system|code</c>, <c>|code</c> (no system: System null, SystemGiven true) or <c>system|</c> (Code null).</summary>
public sealed record TokenExpression(SearchParameterInfo Parameter, string? System, string? Code, bool SystemGiven) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
