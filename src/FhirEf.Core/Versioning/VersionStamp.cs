using FhirEf.Core.Resources;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FhirEf.Core.Versioning;

/// <summary>
/// Writes a resource as it is stored: <c>id</c>, <c>meta.versionId</c> and <c>meta.lastUpdated</c> set by
/// the server (https://hl7.org/fhir/R4/resource.html#Meta), everything else copied verbatim from the
/// client's JSON (property order, exact decimals, primitive extensions).
/// </summary>
public static class VersionStamp
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>FHIR instants are written to the millisecond, the precision FhirEf keeps.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Apply(JsonElement resource, string id, int versionId, DateTimeOffset lastUpdated)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (resource.TryGetProperty("resourceType", out var resourceType))
            {
                writer.WritePropertyName("resourceType");
                resourceType.WriteTo(writer);
            }

            writer.WriteString("id", id);
            WriteMeta(writer, resource, versionId, lastUpdated);
            foreach (var property in resource.EnumerateObject())
            {
                if (property.NameEquals("resourceType") || property.NameEquals("id") || property.NameEquals("meta"))
                {
                    continue;
                }

                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Whether two resources are the same apart from <c>meta.versionId</c> and <c>meta.lastUpdated</c>
    /// (an update that changes nothing writes no new version).
    /// </summary>
    public static bool SameContent(JsonElement incoming, string storedJson, string id)
    {
        ArgumentNullException.ThrowIfNull(storedJson);
        using var stored = FhirJson.Parse(storedJson);
        var versionId = stored.RootElement.TryGetProperty("meta", out var meta) && meta.TryGetProperty("versionId", out var v)
            && int.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var lastUpdated = meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("lastUpdated", out var l)
            && DateTimeOffset.TryParse(l.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : default;
        var restamped = Apply(incoming, id, versionId, lastUpdated);
        if (string.Equals(restamped, storedJson, StringComparison.Ordinal))
        {
            return true;
        }

        using var candidate = FhirJson.Parse(restamped);
        return JsonElement.DeepEquals(candidate.RootElement, stored.RootElement);
    }

    private static void WriteMeta(Utf8JsonWriter writer, JsonElement resource, int versionId, DateTimeOffset lastUpdated)
    {
        writer.WriteStartObject("meta");
        writer.WriteString("versionId", versionId.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("lastUpdated", FormatInstant(lastUpdated));
        if (resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in meta.EnumerateObject())
            {
                if (!property.NameEquals("versionId") && !property.NameEquals("lastUpdated")
                    && !property.NameEquals("_versionId") && !property.NameEquals("_lastUpdated"))
                {
                    property.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }
}
