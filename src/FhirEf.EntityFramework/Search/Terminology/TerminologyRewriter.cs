using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Rewriting;

namespace FhirEf.EntityFramework.Search.Terminology;

/// <summary>
/// Replaces <c>:in</c>, <c>:not-in</c>, <c>:below</c> and <c>:above</c> (anywhere in the tree, chains and
/// <c>_has</c> included) by an Or of ordinary <c>system|code</c> tokens over their expansion, so the
/// translator emits the usual parameterized array overlap (<c>@codes &amp;&amp; "code"</c>). An empty
/// expansion is an empty Or, which matches nothing. Expansion reads the database, hence a collect pass,
/// the asynchronous expansion, and a substitute pass.
/// </summary>
internal static class TerminologyRewriter
{
    public static async Task<SearchExpression> RewriteAsync(SearchExpression filter, ValueSetExpander expander, CancellationToken cancellationToken)
    {
        var collector = new Collector();
        collector.Rewrite(filter);
        if (collector.Found.Count == 0)
        {
            return filter;
        }

        var expansions = new Dictionary<SearchExpression, SearchExpression>();
        foreach (var node in collector.Found)
        {
            expansions[node] = node switch
            {
                TokenValueSetExpression valueSet => Tokens(valueSet.Parameter, await expander.ValueSetAsync(valueSet.Parameter.Code + ":in", valueSet.ValueSetUrl, cancellationToken)),
                TokenHierarchyExpression hierarchy => Tokens(hierarchy.Parameter, (await expander.HierarchyAsync(
                    hierarchy.Parameter.Code + (hierarchy.Below ? ":below" : ":above"), hierarchy.System, hierarchy.Code, hierarchy.Below, cancellationToken))
                    .Select(code => new Coding(hierarchy.System, code))),
                _ => throw new InvalidOperationException("Only terminology nodes are collected."),
            };
        }

        return FlattenLogicalRewriter.Instance.Rewrite(new Substitution(expansions).Rewrite(filter));
    }

    private static OrExpression Tokens(Core.Definitions.SearchParameterInfo parameter, IEnumerable<Coding> codes) =>
        new([.. codes
            .OrderBy(c => c.System, StringComparer.Ordinal).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new TokenExpression(parameter, c.System, c.Code, SystemGiven: c.System is not null))]);

    private sealed class Collector : SearchExpressionRewriter
    {
        public List<SearchExpression> Found { get; } = [];

        public override SearchExpression Visit(TokenValueSetExpression expression) => Record(expression);

        public override SearchExpression Visit(TokenHierarchyExpression expression) => Record(expression);

        private SearchExpression Record(SearchExpression expression)
        {
            if (!Found.Contains(expression))
            {
                Found.Add(expression);
            }

            return expression;
        }
    }

    private sealed class Substitution(Dictionary<SearchExpression, SearchExpression> expansions) : SearchExpressionRewriter
    {
        public override SearchExpression Visit(TokenValueSetExpression expression) => expansions[expression];

        public override SearchExpression Visit(TokenHierarchyExpression expression) => expansions[expression];
    }
}
