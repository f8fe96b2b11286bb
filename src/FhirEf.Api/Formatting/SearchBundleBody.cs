using System.Text.Json;
using FhirEf.Core.Abstractions;

namespace FhirEf.Api.Formatting;

/// <summary>
/// A searchset Bundle (https://hl7.org/fhir/R4/search.html, https://hl7.org/fhir/R4/http.html#paging):
/// total when known, self/next/previous links, each entry's stored JSON written as it is, search.mode,
/// and an OperationOutcome entry (mode outcome) for the issues the search reports.
/// </summary>
public sealed class SearchBundleBody(SearchResult result, string selfUrl, string? nextUrl, string? previousUrl) : FhirBody
{
    public SearchResult Result { get; } = result;

    public override void WriteTo(Utf8JsonWriter writer, BodyContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        if (Result.Summary is not null || Result.Elements is not null)
        {
            // The search read _summary and _elements (from the query or a POSTed form): they win.
            context = context with
            {
                Format = context.Format with
                {
                    Summary = Result.Summary is { } summary ? FormatNegotiation.Summary(summary) : context.Format.Summary,
                    Elements = Result.Elements ?? context.Format.Elements,
                },
            };
        }

        writer.WriteStartObject();
        writer.WriteString("resourceType"u8, "Bundle");
        writer.WriteString("type"u8, "searchset");
        if (Result.Total is { } total)
        {
            writer.WriteNumber("total"u8, total);
        }

        writer.WriteStartArray("link"u8);
        BundleJson.WriteLink(writer, "self", selfUrl);
        if (nextUrl is not null)
        {
            BundleJson.WriteLink(writer, "next", nextUrl);
        }

        if (previousUrl is not null)
        {
            BundleJson.WriteLink(writer, "previous", previousUrl);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entry"u8);
        foreach (var entry in Result.Entries)
        {
            if (entry.Resource.Json is not { } json || entry.Resource.Deleted)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("fullUrl"u8, BundleJson.FullUrl(context.BaseUrl, entry.Resource));
            writer.WritePropertyName("resource"u8);
            new ResourceBody(json).Write(writer, context, applyElements: entry.Mode == SearchEntryMode.Match);
            writer.WriteStartObject("search"u8);
            writer.WriteString("mode"u8, entry.Mode switch
            {
                SearchEntryMode.Include => "include",
                SearchEntryMode.Outcome => "outcome",
                _ => "match",
            });
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (Result.Issues.Count > 0)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("resource"u8);
            OperationOutcomeJson.Create(Result.Issues.Select(i => new OutcomeIssue(i.Severity, i.Code, i.Diagnostics, i.Expression))).WriteTo(writer);
            writer.WriteStartObject("search"u8);
            writer.WriteString("mode"u8, "outcome");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
