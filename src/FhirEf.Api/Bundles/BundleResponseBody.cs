using System.Text.Json;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using FhirEf.Core.Bundles;
using FhirEf.Core.Versioning;

namespace FhirEf.Api.Bundles;

/// <summary>
/// A batch-response or transaction-response Bundle (https://hl7.org/fhir/R4/http.html#transaction-response):
/// one entry per request entry, in request order, each with its response (status, location, etag,
/// lastModified, and the OperationOutcome of a failure), and the resource or an OperationOutcome as
/// <c>Prefer: return</c> asks (by default only the response).
/// </summary>
public sealed class BundleResponseBody(BundleKind kind, IReadOnlyList<BundleEntryResult> entries, ReturnPreference preference) : FhirBody
{
    public IReadOnlyList<BundleEntryResult> Entries { get; } = entries;

    public override void WriteTo(Utf8JsonWriter writer, BodyContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Bundle");
        writer.WriteString("type"u8, kind == BundleKind.Batch ? "batch-response" : "transaction-response");
        writer.WriteStartArray("entry"u8);
        foreach (var entry in Entries)
        {
            writer.WriteStartObject();
            if (entry.Error is { } error)
            {
                writer.WriteStartObject("response"u8);
                writer.WriteString("status"u8, FhirErrorMapper.StatusLine(error.Status));
                writer.WritePropertyName("outcome"u8);
                error.Outcome.WriteTo(writer);
                writer.WriteEndObject();
            }
            else if (entry.Result is { } result)
            {
                WriteResult(writer, context, result);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter writer, BodyContext context, Interactions.FhirResult result)
    {
        var version = result.Version;
        if (version is { Deleted: false })
        {
            writer.WriteString("fullUrl"u8, BundleJson.FullUrl(context.BaseUrl, version));
        }

        // Reads and searches always carry their resource; writes only when asked to.
        var includeBody = !result.IsWrite || preference == ReturnPreference.Representation;
        if (includeBody && result.Body is { } body)
        {
            writer.WritePropertyName("resource"u8);
            body.WriteTo(writer, context);
        }

        writer.WriteStartObject("response"u8);
        writer.WriteString("status"u8, FhirErrorMapper.StatusLine(result.Status));
        if (result.Location is { } location)
        {
            writer.WriteString("location"u8, location);
        }

        if (version is not null)
        {
            writer.WriteString("etag"u8, ETags.Format(version.VersionId));
            writer.WriteString("lastModified"u8, VersionStamp.FormatInstant(version.LastUpdated));
        }

        if (result.IsWrite && preference == ReturnPreference.OperationOutcome)
        {
            writer.WritePropertyName("outcome"u8);
            OperationOutcomeJson.Create("information", "informational", result.Information ?? FhirErrorMapper.StatusLine(result.Status)).WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
