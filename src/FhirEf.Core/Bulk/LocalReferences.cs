using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirEf.Core.Bulk;

/// <summary>
/// Bundle entries refer to each other by <c>urn:uuid:</c> fullUrls; stored on their own they need literal
/// references. Entries whose resource has an id map their fullUrl to <c>Type/id</c>, as a transaction
/// that keeps those ids would resolve them (https://hl7.org/fhir/R4/bundle.html#references).
/// </summary>
public static partial class LocalReferences
{
    public static Dictionary<string, string> Map(IEnumerable<JsonElement> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.TryGetProperty("fullUrl", out var fullUrl) && fullUrl.ValueKind == JsonValueKind.String
                && fullUrl.GetString() is { } url && url.StartsWith("urn:", StringComparison.Ordinal)
                && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("resourceType", out var type) && resource.TryGetProperty("id", out var id))
            {
                urls[url] = type.GetString() + "/" + id.GetString();
            }
        }

        return urls;
    }

    /// <summary>The resource's JSON with every <c>"reference": "urn:…"</c> found in <paramref name="map"/> made literal.</summary>
    public static string Resolve(string json, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Count == 0
            ? json
            : Reference().Replace(json, match => map.TryGetValue(match.Groups[2].Value, out var literal)
                ? match.Groups[1].Value + literal + "\""
                : match.Value);
    }

    [GeneratedRegex("(\"reference\"\\s*:\\s*\")(urn:[^\"]+)\"")]
    private static partial Regex Reference();
}
