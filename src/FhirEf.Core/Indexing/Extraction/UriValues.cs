using System.Text.Json;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// uri parameters (R4 search §3.1.1.4.9: "used with elements of type uri and url"; canonical, oid and
/// uuid are uris too): the value exactly as written, a canonical with its <c>|version</c>, since uri
/// matches are "precise (e.g. case, accent, and escape) sensitive".
/// </summary>
internal static class UriValues
{
    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        if (kind is not (ValueKind.Uri or ValueKind.Canonical or ValueKind.String or ValueKind.Code or ValueKind.Id))
        {
            return false;
        }

        var json = node.Json;
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            return true; // only extensions
        }

        return TryAdd(JsonFields.Text(json), output);
    }

    /// <summary>A System string a FHIRPath function produced.</summary>
    public static bool TryAdd(object value, List<SearchValue> output) => TryAdd(value as string, output);

    private static bool TryAdd(string? uri, List<SearchValue> output)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return false;
        }

        output.Add(new UriSearchValue(uri));
        return true;
    }
}
