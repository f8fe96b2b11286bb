using System.Linq.Expressions;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>The few predicates whose LINQ form is provider-specific (full text, jsonb).</summary>
public interface ISearchPredicateProvider
{
    /// <summary>The CLR type of full-text columns (the provider's tsvector type).</summary>
    Type FullTextColumnType { get; }

    /// <summary>The full-text column (typed as the provider's tsvector) contains every term.</summary>
    Expression FullTextMatches(Expression column, IReadOnlyList<string> terms);

    /// <summary>The jsonb column contains <paramref name="json"/> (<c>@&gt;</c>).</summary>
    Expression JsonContains(Expression column, string json);

    /// <summary><c>jsonb_path_exists(column, path, vars)</c>: the jsonpath (built from structure only) holds with these variables.</summary>
    Expression JsonPathExists(Expression column, string path, string variables);
}
