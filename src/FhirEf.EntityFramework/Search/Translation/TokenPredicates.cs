using System.Linq.Expressions;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;
using FhirEf.EntityFramework.Storage.Rows;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// token (R4 search §3.1.1.4.10) over the entries <see cref="ColumnValues.TokenEntries"/> stores:
/// <c>code</c> → <c>"code" @&gt; ARRAY['x']</c>; <c>system|code</c>, <c>|code</c>, <c>system|</c> likewise
/// with those entries; several values of one parameter → <c>@values &amp;&amp; "code"</c>, one GIN probe.
/// </summary>
internal static class TokenPredicates
{
    public static string Entry(TokenExpression token) => (token.SystemGiven, token.System, token.Code) switch
    {
        (false, _, { } code) => code,
        (true, var system, { } code) => ColumnValues.SystemAndCode(system, code),
        (true, { } system, null) => system + "|",
        _ => throw new InvalidOperationException("A token needs a code or a system."),
    };

    public static Expression Translate(Expression row, TokenStorage storage, IReadOnlyCollection<TokenExpression> tokens) =>
        Columns.ArrayOverlaps(row, storage.Codes, [.. tokens.Select(Entry).Distinct(StringComparer.Ordinal)]);

    public static Expression OfType(Expression row, TokenStorage storage, TokenOfTypeExpression expression) =>
        Columns.ArrayContains(row, storage.Codes, ColumnValues.OfType(expression.TypeSystem, expression.TypeCode, expression.Value));

    public static Expression Text(Expression row, TokenStorage storage, TokenTextExpression expression) =>
        StringPredicates.StartsWith(row, storage.Text, expression.Text);
}
