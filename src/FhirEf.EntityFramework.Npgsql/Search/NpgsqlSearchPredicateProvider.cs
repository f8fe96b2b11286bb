using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FhirEf.EntityFramework.Search.Translation;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Search;

/// <summary>
/// PostgreSQL forms of the provider-specific predicates: <c>@@</c> with a tsquery FhirEf builds from its
/// own terms (sent as a parameter, never parsed from text), <c>@&gt;</c> on jsonb, and
/// <c>jsonb_path_exists</c> with the path and variables as parameters.
/// </summary>
public sealed class NpgsqlSearchPredicateProvider : ISearchPredicateProvider
{
    private static readonly MethodInfo MatchesMethod = typeof(NpgsqlFullTextSearchLinqExtensions)
        .GetMethod(nameof(NpgsqlFullTextSearchLinqExtensions.Matches), [typeof(NpgsqlTsVector), typeof(NpgsqlTsQuery)])!;

    private static readonly MethodInfo JsonContainsMethod = typeof(NpgsqlJsonDbFunctionsExtensions)
        .GetMethod(nameof(NpgsqlJsonDbFunctionsExtensions.JsonContains))!;

    public static NpgsqlSearchPredicateProvider Instance { get; } = new();

    public Type FullTextColumnType => typeof(NpgsqlTsVector);

    public Expression FullTextMatches(Expression column, IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        NpgsqlTsQuery query = new NpgsqlTsQueryLexeme(terms[0]);
        foreach (var term in terms.Skip(1))
        {
            query = new NpgsqlTsQueryAnd(query, new NpgsqlTsQueryLexeme(term));
        }

        return Expression.Call(MatchesMethod, column, Columns.Value(query));
    }

    /// <summary>The contained document goes as a <see cref="JsonDocument"/> parameter, which Npgsql sends as jsonb (a string would be text, and jsonb @&gt; text does not exist).</summary>
    public Expression JsonContains(Expression column, string json) =>
        Expression.Call(JsonContainsMethod, Expression.Constant(EF.Functions), Expression.Convert(column, typeof(object)), Expression.Convert(Columns.Value(JsonDocument.Parse(json)), typeof(object)));

    public Expression JsonPathExists(Expression column, string path, string variables) =>
        Expression.Call(FhirEfDbFunctions.JsonPathExistsMethod, column, Columns.Value(path), Columns.Value(variables));
}
