using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;
using FhirEf.Core.Indexing.Values;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>One indexer over the R4 definitions (with a local base URL), and JSON written with single quotes for readable test tables.</summary>
internal static class IndexerHarness
{
    public const string LocalBase = "https://fhir.example.org/r4";

    public static readonly SearchIndexer Indexer = new(FhirDefinitions.R4, new SearchIndexerOptions { LocalBaseUrls = [LocalBase + "/"] });

    /// <summary>Indexes <paramref name="json"/> after turning its single quotes into double quotes, and checks nothing was skipped.</summary>
    public static IndexedResource Index(string json)
    {
        var diagnostics = new List<IndexingDiagnostic>();
        var indexed = IndexWithDiagnostics(json, diagnostics);
        Assert.Empty(diagnostics);
        return indexed;
    }

    public static IndexedResource IndexWithDiagnostics(string json, List<IndexingDiagnostic> diagnostics)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return Indexer.Index(document.RootElement, diagnostics);
    }

    /// <summary>The values of one parameter (empty when it has none).</summary>
    public static IReadOnlyList<SearchValue> ValuesOf(this IndexedResource indexed, string code) =>
        indexed.Values.TryGetValue(code, out var values) ? values : [];

    /// <summary>Each value of a parameter in a compact, readable form (see <see cref="Describe"/>), joined by " ; ".</summary>
    public static string Describe(this IndexedResource indexed, string code) => string.Join(" ; ", indexed.ValuesOf(code).Select(Describe));

    /// <summary>
    /// A value as text: a token <c>system|code (text) of-type system|code</c>, a date <c>start..end</c> in
    /// round-trip form with <c>-inf</c>/<c>+inf</c> for open ends, a number <c>value [low,high)</c>, a quantity
    /// <c>value [low,high) system|code unit</c>, a reference by its non-null parts, a composite <c>(a ; b)</c>.
    /// </summary>
    public static string Describe(SearchValue value) => value switch
    {
        StringSearchValue s => s.Value,
        TokenSearchValue t => $"{t.System}|{t.Code}" + (t.Text is null ? string.Empty : $" ({t.Text})") + (t.OfType is null ? string.Empty : $" of-type {t.OfType.System}|{t.OfType.Code}"),
        DateSearchValue d => $"{Date(d.Start, "-inf")}..{Date(d.End, "+inf")}",
        NumberSearchValue n => $"{n.Value} [{Number(n.Low)},{Number(n.High)})",
        QuantitySearchValue q => $"{q.Value} [{Number(q.Low)},{Number(q.High)}) {q.System}|{q.Code} {q.Unit}".TrimEnd(),
        ReferenceSearchValue r => string.Join(" ", new[]
        {
            r.IsLiteral ? $"{r.TargetType}/{r.TargetId}" : r.TargetType is null ? null : $"type={r.TargetType}",
            r.Url is null ? null : $"url={r.Url}",
            r.Version is null ? null : $"version={r.Version}",
            r.ContainedId is null ? null : $"#{r.ContainedId}",
            r.IdentifierValue is null ? null : $"identifier={r.IdentifierSystem}|{r.IdentifierValue}",
        }.Where(part => part is not null)),
        UriSearchValue u => u.Value,
        CompositeSearchValue c => "(" + string.Join(" $ ", c.Components.Select(component => string.Join(", ", component.Select(Describe)))) + ")",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Date(DateTimeOffset value, string open) =>
        value == DateTimeOffset.MinValue || value == DateTimeOffset.MaxValue ? open : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Number(decimal value) =>
        value == decimal.MinValue ? "-inf" : value == decimal.MaxValue ? "+inf" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
