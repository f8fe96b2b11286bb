using System.Globalization;
using FhirEf.Api.Requests;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Jobs;

namespace FhirEf.Api.Jobs;

/// <summary>
/// Reads a Bulk Data kick-off request (https://hl7.org/fhir/uv/bulkdata/export.html#query-parameters) into an
/// <see cref="ExportRequest"/>: <c>_outputFormat</c> (NDJSON only), <c>_type</c>, <c>_since</c> and
/// <c>_typeFilter</c>. Anything it cannot honour is a 400, before a job exists.
/// </summary>
internal static class ExportKickoff
{
    private static readonly HashSet<string> NdjsonFormats = new(StringComparer.Ordinal)
    {
        "application/fhir+ndjson", "application/ndjson", "ndjson",
    };

    public static async Task<ExportRequest> ReadAsync(
        IReadOnlyList<KeyValuePair<string, string>> query,
        ExportLevel level,
        string? groupId,
        string projectId,
        string requestUrl,
        FhirDefinitions definitions,
        IFhirSearchService search,
        CancellationToken cancellationToken)
    {
        var types = new List<string>();
        var filters = new List<ExportTypeFilter>();
        DateTimeOffset? since = null;
        foreach (var (name, value) in query)
        {
            switch (name)
            {
                case "_outputFormat" when !NdjsonFormats.Contains(value):
                    throw new InvalidRequestException($"_outputFormat '{value}' is not supported: exports are NDJSON (application/fhir+ndjson).");
                case "_outputFormat":
                    break;
                case "_type":
                    types.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => RequireType(definitions, t)));
                    break;
                case "_since":
                    since = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && value.Contains('T', StringComparison.Ordinal)
                        ? parsed
                        : throw new InvalidRequestException($"_since '{value}' is not a FHIR instant (for example 2026-01-01T00:00:00Z).");
                    break;
                case "_typeFilter":
                    filters.Add(TypeFilter(definitions, value));
                    break;
                default:
                    throw new InvalidRequestException($"The export parameter '{name}' is not supported (supported: _outputFormat, _type, _since, _typeFilter).");
            }
        }

        foreach (var filter in filters)
        {
            if (types.Count > 0 && !types.Contains(filter.Type))
            {
                throw new InvalidRequestException($"_typeFilter names {filter.Type}, which _type leaves out.");
            }

            // Run once, strictly, so an unknown parameter or a bad value is a 400 now rather than a failed job later.
            await search.SearchAsync(new SearchRequest(filter.Type, [.. filter.Parameters, new("_count", "1")]) { Strict = true }, cancellationToken);
        }

        return new ExportRequest(projectId, level, groupId, types.Distinct(StringComparer.Ordinal).ToList(), since, filters, requestUrl);
    }

    private static ExportTypeFilter TypeFilter(FhirDefinitions definitions, string value)
    {
        var question = value.IndexOf('?', StringComparison.Ordinal);
        if (question <= 0)
        {
            throw new InvalidRequestException($"_typeFilter '{value}' is not of the form [type]?[search parameters].");
        }

        return new ExportTypeFilter(RequireType(definitions, value[..question]), QueryParameters.Parse(value[(question + 1)..]));
    }

    private static string RequireType(FhirDefinitions definitions, string type) =>
        definitions.Structures.IsConcreteResourceType(type) ? type : throw new InvalidRequestException($"'{type}' is not a FHIR R4 resource type.");
}
