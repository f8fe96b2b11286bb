using FhirEf.Core.Search.Expressions;

namespace FhirEf.Core.Search.Rewriting;

/// <summary>The rewriters every bound search goes through, in order.</summary>
public static class SearchRewriters
{
    public static SearchExpression Apply(SearchExpression expression) =>
        FlattenLogicalRewriter.Instance.Rewrite(expression);
}
