using FhirEf.Core.Definitions;

namespace FhirEf.Core.Search.Expressions;

/// <summary><c>_has:Observation:patient:code=x</c>: some SourceType resource, for which Source holds, references this one through SourceReference.</summary>
public sealed record HasExpression(string SourceType, SearchParameterInfo SourceReference, SearchExpression Source) : SearchExpression
{
    public override T Accept<T>(ISearchExpressionVisitor<T> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }
}
