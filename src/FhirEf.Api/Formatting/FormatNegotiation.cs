using FhirEf.Api.ErrorHandling;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FhirEf.Api.Formatting;

/// <summary>
/// Chooses the response format (https://hl7.org/fhir/R4/http.html#mime-type): <c>_format</c> overrides
/// <c>Accept</c>; JSON is written as <c>application/fhir+json</c>, or as <c>application/json</c> when the
/// client names that; XML, Turtle and HTML are not written (406). Also reads <c>_pretty</c>,
/// <c>_summary</c> and <c>_elements</c>.
/// </summary>
public static class FormatNegotiation
{
    public static ResponseFormat Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        var mediaType = query.TryGetValue("_format", out var format) && !StringValues.IsNullOrEmpty(format)
            ? FromFormatParameter(format[0]!)
            : FromAccept(request.Headers.Accept);
        return new ResponseFormat(mediaType, Pretty(query["_pretty"]), Summary(query["_summary"]), Elements(query["_elements"]));
    }

    public static string FromFormatParameter(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Trim().ToLowerInvariant() switch
        {
            "json" or "application/fhir+json" or "application/fhir json" or "application/json+fhir" or "application/json fhir" => FhirMediaTypes.JsonWithCharset,
            "application/json" or "text/json" => FhirMediaTypes.PlainJsonWithCharset,
            var other => throw new NotAcceptableException(
                $"_format={other} is not a format this server writes: it writes FHIR JSON only (_format=json, {FhirMediaTypes.Json})."),
        };
    }

    public static string FromAccept(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return FhirMediaTypes.JsonWithCharset;
        }

        foreach (var range in ranges.OrderByDescending(r => r.Quality ?? 1.0))
        {
            if (range.Quality is <= 0 || !IsR4(range))
            {
                continue;
            }

            var media = range.MediaType.Value ?? string.Empty;
            if (media.Equals(FhirMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
                || media.Equals(FhirMediaTypes.LegacyJson, StringComparison.OrdinalIgnoreCase)
                || media is "*/*" or "application/*")
            {
                return FhirMediaTypes.JsonWithCharset;
            }

            if (media.Equals(FhirMediaTypes.PlainJson, StringComparison.OrdinalIgnoreCase) || media.Equals("text/json", StringComparison.OrdinalIgnoreCase))
            {
                return FhirMediaTypes.PlainJsonWithCharset;
            }
        }

        throw new NotAcceptableException(
            $"The Accept header ('{accept}') names no format this server writes: it writes FHIR R4 JSON only ({FhirMediaTypes.Json}).");
    }

    public static bool Pretty(StringValues value) => value.Count == 0 || string.IsNullOrEmpty(value[0])
        ? false
        : value[0] switch
        {
            "true" => true,
            "false" => false,
            var other => throw new InvalidRequestException($"_pretty is 'true' or 'false', not '{other}'.", "_pretty"),
        };

    public static SummaryMode Summary(StringValues value) => value.Count == 0 || string.IsNullOrEmpty(value[0])
        ? SummaryMode.False
        : value[0] switch
        {
            "true" => SummaryMode.True,
            "false" => SummaryMode.False,
            "text" => SummaryMode.Text,
            "data" => SummaryMode.Data,
            "count" => SummaryMode.Count,
            var other => throw new InvalidRequestException($"_summary is one of true, false, text, data and count, not '{other}'.", "_summary"),
        };

    public static IReadOnlyList<string>? Elements(StringValues value)
    {
        var names = value.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            // "Patient.name" is accepted as "name": _elements names top-level elements.
            .Select(n => n.Contains('.', StringComparison.Ordinal) ? n[(n.LastIndexOf('.') + 1)..] : n)
            .ToArray();
        return names.Length == 0 ? null : names;
    }

    private static bool IsR4(MediaTypeHeaderValue range)
    {
        foreach (var parameter in range.Parameters)
        {
            if (parameter.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value.StartsWith("4.0", StringComparison.Ordinal);
            }
        }

        return true;
    }
}
