using System.Linq.Expressions;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// string (R4 search §3.1.1.4.8) over the folded values joined as <c>␟a␟b␟</c> (trigram GIN):
/// default "starts with" → <c>"name" LIKE '%␟smi%'</c>; <c>:contains</c> → <c>"name" LIKE '%mit%'</c>;
/// <c>:exact</c> → the folded equality as a prefilter, then <c>"nameExact" @&gt; ARRAY['Smith']</c>.
/// </summary>
internal static class StringPredicates
{
    private static readonly string Separator = StringStorage.Separator.ToString();

    public static Expression Translate(Expression row, StringStorage storage, StringExpression expression)
    {
        var folded = Columns.EscapeLike(Clean(TextFolding.Fold(expression.Value)));
        var column = Columns.Property<string>(row, storage.Normalized);
        return expression.Match switch
        {
            StringMatch.StartsWith => Joined(row, storage.Normalized, "%" + Separator + folded + "%"),
            StringMatch.Contains => Joined(row, storage.Normalized, "%" + folded + "%"),
            _ => Expression.AndAlso(
                Joined(row, storage.Normalized, "%" + Separator + folded + Separator + "%"),
                Columns.ArrayContains(row, storage.Exact, expression.Value)),
        };
    }

    /// <summary>The same for the joined text of token displays (<c>:text</c>).</summary>
    public static Expression StartsWith(Expression row, string column, string text) =>
        Joined(row, column, "%" + Separator + Columns.EscapeLike(Clean(TextFolding.Fold(text))) + "%");

    private static Expression Joined(Expression row, string column, string pattern)
    {
        var value = Columns.Property<string>(row, column);
        return Expression.AndAlso(Columns.NotNull(value), Columns.Like(value, pattern));
    }

    /// <summary>Control characters cannot occur in stored values (FHIR forbids them); dropping them keeps the separator out of patterns.</summary>
    private static string Clean(string value) => string.Concat(value.Where(c => !char.IsControl(c)));
}
