using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FhirEf.Core.Bulk;

namespace FhirEf.Cli.Generate;

/// <summary>
/// Endless realistic resources from Synthea transaction bundles: each pass clones every patient's bundle
/// with fresh ids (every UUID in it is replaced, so references, identifiers and fullUrls stay consistent)
/// and its dates shifted by a whole number of days (so clones do not all fall on the same dates), then
/// yields its entries' resources with <c>urn:uuid:</c> references made literal. Deterministic for a seed.
/// </summary>
internal sealed partial class SyntheaCloner(IReadOnlyList<string> bundleTexts, int seed)
{
    public static SyntheaCloner FromFolder(string folder, int seed)
    {
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException($"No Synthea bundles (*.json) in '{folder}'.", folder);
        }

        return new SyntheaCloner([.. files.Select(File.ReadAllText)], seed);
    }

    public IEnumerable<JsonElement> Resources()
    {
        var random = new Random(seed);
        while (true)
        {
            foreach (var text in bundleTexts)
            {
                foreach (var resource in Clone(text, random))
                {
                    yield return resource;
                }
            }
        }
    }

    private static List<JsonElement> Clone(string bundle, Random random)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var fresh = Uuid().Replace(bundle, match =>
        {
            if (!ids.TryGetValue(match.Value, out var id))
            {
                var bytes = new byte[16];
                random.NextBytes(bytes);
                id = new Guid(bytes).ToString();
                ids[match.Value] = id;
            }

            return id;
        });
        var shift = random.Next(-3650, 1);
        var shifted = Date().Replace(fresh, match =>
            DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? "\"" + date.AddDays(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : match.Value);

        using var document = JsonDocument.Parse(shifted);
        var entries = document.RootElement.GetProperty("entry").EnumerateArray().ToList();
        var local = LocalReferences.Map(entries);
        var resources = new List<JsonElement>(entries.Count);
        foreach (var entry in entries)
        {
            using var resource = JsonDocument.Parse(LocalReferences.Resolve(entry.GetProperty("resource").GetRawText(), local));
            resources.Add(resource.RootElement.Clone());
        }

        return resources;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    /// <summary>A JSON string that starts with a date (dates, dateTimes, instants, period bounds).</summary>
    [GeneratedRegex("\"(\\d{4}-\\d{2}-\\d{2})(?=[T\"])")]
    private static partial Regex Date();
}
