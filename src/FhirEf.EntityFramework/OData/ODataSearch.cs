using System.Linq.Expressions;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.EntityFramework.Search.Translation;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// <c>$search</c> as FHIR's <c>_content</c>: each term is split into lexemes by the indexer's own
/// <see cref="FullTextTerms"/> and matched against the <c>_content</c> tsvector (<c>"_content" @@ @query</c>,
/// GIN); <c>AND</c>, <c>OR</c> and <c>NOT</c> combine terms.
/// </summary>
internal static class ODataSearch
{
    public static Expression<Func<Dictionary<string, object>, bool>> Predicate(
        FhirSchema schema, string table, ODataExpressionBinder binder, ISearchPredicateProvider provider, SearchClause search)
    {
        if (!schema.TryGetResource(table, out var resource) || !resource.TryGetStorage("_content", out var storage) || storage is not FullTextStorage fullText)
        {
            throw new InvalidReportingQueryException($"$search is supported on resource entity sets only, not on {table}.");
        }

        var column = Columns.Property(binder.Row, fullText.Column, provider.FullTextColumnType);
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(Bind(search.Expression, column, provider), binder.Row);
    }

    private static Expression Bind(QueryNode node, Expression column, ISearchPredicateProvider provider) => node switch
    {
        SearchTermNode term => Term(term.Text, column, provider),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and => Expression.AndAlso(Bind(and.Left, column, provider), Bind(and.Right, column, provider)),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Bind(or.Left, column, provider), Bind(or.Right, column, provider)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Bind(not.Operand, column, provider)),
        _ => throw new InvalidReportingQueryException($"'{node.Kind}' is not supported in $search."),
    };

    private static Expression Term(string text, Expression column, ISearchPredicateProvider provider)
    {
        var terms = FullTextTerms.Split(text);
        return terms.Count == 0
            ? Expression.Constant(false)
            : Expression.AndAlso(Columns.NotNull(column), provider.FullTextMatches(column, terms));
    }
}
