using System.Text.Json;
using FhirEf.Core.Abstractions;

namespace FhirEf.Api.Formatting;

/// <summary>Pieces every Bundle the server writes shares.</summary>
public static class BundleJson
{
    public static void WriteLink(Utf8JsonWriter writer, string relation, string url)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("relation"u8, relation);
        writer.WriteString("url"u8, url);
        writer.WriteEndObject();
    }

    /// <summary>Bundle.entry.fullUrl: <c>[base]/[type]/[id]</c>.</summary>
    public static string FullUrl(string baseUrl, ResourceVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"{baseUrl}/{version.ResourceType}/{version.Id}";
    }
}
