using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Versioning;

namespace FhirEf.Api.Formatting;

/// <summary>
/// A history Bundle (https://hl7.org/fhir/R4/http.html#history): newest first, each entry with the
/// version (none for a deletion), the request that made it and its response (status, ETag, lastModified).
/// </summary>
public sealed class HistoryBundleBody(HistoryPage page, string selfUrl, string? nextUrl) : FhirBody
{
    public HistoryPage Page { get; } = page;

    public override void WriteTo(Utf8JsonWriter writer, BodyContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Bundle");
        writer.WriteString("type"u8, "history");
        writer.WriteStartArray("link"u8);
        BundleJson.WriteLink(writer, "self", selfUrl);
        if (nextUrl is not null)
        {
            BundleJson.WriteLink(writer, "next", nextUrl);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entry"u8);
        foreach (var entry in Page.Entries)
        {
            var version = entry.Version;
            writer.WriteStartObject();
            writer.WriteString("fullUrl"u8, BundleJson.FullUrl(context.BaseUrl, version));
            if (!version.Deleted && version.Json is { } json)
            {
                writer.WritePropertyName("resource"u8);
                new ResourceBody(json).WriteTo(writer, context);
            }

            writer.WriteStartObject("request"u8);
            writer.WriteString("method"u8, entry.Method);
            writer.WriteString("url"u8, entry.RequestUrl);
            writer.WriteEndObject();
            writer.WriteStartObject("response"u8);
            writer.WriteString("status"u8, entry.ResponseStatus);
            writer.WriteString("etag"u8, version.ETag);
            writer.WriteString("lastModified"u8, VersionStamp.FormatInstant(version.LastUpdated));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
