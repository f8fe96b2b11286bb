using System.Text.Json.Nodes;

namespace FhirEf.EntityFramework.Tests.Indexing;

/// <summary>
/// Hand-written expectations for a stored row, in the encodings of docs/schema.md ("Search columns, by
/// parameter type"). Every column of the table is checked: the listed ones against their value, every
/// other one to be NULL, so a value the indexer writes where none is expected fails too.
/// </summary>
internal sealed class ExpectedRow : Dictionary<string, object>
{
    private const char Separator = '\u001F';

    public ExpectedRow()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Full-text columns: the lexemes that must be present (the whole set when <see cref="Exact"/>).</summary>
    public sealed record Terms(bool Exact, params string[] Lexemes);

    /// <summary>A string column: folded values joined as <c>␟a␟b␟</c>.</summary>
    public static string Joined(params string[] folded) => Separator + string.Join(Separator, folded) + Separator;

    /// <summary>A text[] column, as a set.</summary>
    public static string Set(params string[] values) => "[" + string.Join(",", values.Order(StringComparer.Ordinal)) + "]";

    /// <summary>A token column's entries for codings and identifiers: <c>code</c>, <c>system|code</c>, <c>system|</c> (<c>|code</c> without a system).</summary>
    public static string Codes(params (string? System, string Code)[] tokens) => Set(
        [.. tokens.SelectMany(t => t.System is null
            ? new[] { t.Code, "|" + t.Code }
            : [t.Code, t.System + "|" + t.Code, t.System + "|"]).Distinct(StringComparer.Ordinal)]);

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;

    public static (string Start, string End) Day(string date) => (date + "T00:00:00.000000Z", date + "T23:59:59.999999Z");

    public void Date(string column, (string Start, string End) range)
    {
        this[column + "Start"] = range.Start;
        this[column + "End"] = range.End;
    }

    /// <summary>The three columns of a token parameter.</summary>
    public void Token(string column, string codes, string sort, string? text = null)
    {
        this[column] = codes;
        this[column + "Sort"] = sort;
        if (text is not null)
        {
            this[column + "Text"] = text;
        }
    }

    /// <summary>Both columns of a string parameter: folded and joined, and as written.</summary>
    public void String(string column, string[] folded, string[] asWritten)
    {
        this[column] = Joined(folded);
        this[column + "Exact"] = Set(asWritten);
    }

    public void AssertMatches(IReadOnlyDictionary<string, string?> row)
    {
        var wrong = new List<string>();
        foreach (var (column, actual) in row)
        {
            if (!TryGetValue(column, out var expected))
            {
                if (actual is not null)
                {
                    wrong.Add($"{column}: expected NULL, stored {Show(actual)}");
                }

                continue;
            }

            var ok = expected switch
            {
                JsonNode json => actual is not null && JsonNode.DeepEquals(json, JsonNode.Parse(actual)),
                Terms { Exact: true } terms => StoredRows.Lexemes(actual).SetEquals(terms.Lexemes),
                Terms terms => StoredRows.Lexemes(actual).IsSupersetOf(terms.Lexemes),
                _ => Equals(expected.ToString(), actual),
            };
            if (!ok)
            {
                var shown = expected is Terms t ? string.Join(",", t.Lexemes) : expected.ToString();
                wrong.Add($"{column}: expected {Show(shown)}, stored {Show(actual)}");
            }
        }

        wrong.AddRange(Keys.Where(k => !row.ContainsKey(k)).Select(k => $"{k}: no such column"));
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static string Show(string? value) => value is null ? "NULL" : value.Replace(Separator, '␟');
}
