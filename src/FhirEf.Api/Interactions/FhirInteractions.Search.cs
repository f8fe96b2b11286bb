using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using FhirEf.Api.Requests;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Primitives;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Interactions;

public sealed partial class FhirInteractions
{
    /// <summary>Parameters of the REST layer itself, never passed to search.</summary>
    private static readonly HashSet<string> FormatParameters = new(StringComparer.Ordinal) { "_format", "_pretty" };

    private static readonly HashSet<string> HistoryParameters = new(StringComparer.Ordinal)
    {
        "_count", "_since", "_at", "_list", "_cursor", "_format", "_pretty", "_summary", "_elements",
    };

    /// <summary>
    /// search (https://hl7.org/fhir/R4/http.html#search) at type level (<paramref name="resourceType"/>),
    /// system level (null) or in a compartment (<c>Patient/123/Observation</c>; type null or <c>*</c> for all types).
    /// </summary>
    /// <param name="path">The search's path below the base, for the Bundle's links: <c>Patient</c>, <c>Patient/123/Observation</c>, empty.</param>
    public async Task<FhirResult> SearchAsync(
        string? resourceType,
        string? compartmentType,
        string? compartmentId,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string path,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (resourceType is not null)
        {
            RequireType(resourceType);
        }

        if (compartmentType is not null)
        {
            if (!_definitions.Compartments.TryGet(compartmentType, out _))
            {
                throw new ResourceNotFoundException($"{compartmentType} is not a compartment (R4 has Patient, Encounter, RelatedPerson, Practitioner and Device).");
            }

            RequireId(compartmentId!);
        }

        var request = new SearchRequest(resourceType, parameters.Where(p => !FormatParameters.Contains(p.Key)).ToList())
        {
            Strict = _context.Prefer.Handling == HandlingPreference.Strict,
            CompartmentType = compartmentType,
            CompartmentId = compartmentId,
        };
        return SearchBundle(await Search.SearchAsync(request, cancellationToken), path);
    }

    /// <summary><c>Patient/[id]/$everything</c> (https://hl7.org/fhir/R4/patient-operation-everything.html).</summary>
    public async Task<FhirResult> EverythingAsync(string id, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        RequireId(id);
        var patient = await _repository.ReadAsync("Patient", id, cancellationToken) ?? throw new ResourceNotFoundException($"Patient/{id} is not known.");
        if (patient.Deleted)
        {
            throw new ResourceGoneException($"Patient/{id} was deleted.");
        }

        var result = await Search.EverythingAsync(id, parameters.Where(p => !FormatParameters.Contains(p.Key)).ToList(), cancellationToken);
        return SearchBundle(result, $"Patient/{id}/$everything");
    }

    /// <summary>
    /// history (https://hl7.org/fhir/R4/http.html#history) of an instance, a type (id null) or the
    /// system (both null): <c>_count</c>, <c>_since</c>, <c>_at</c>, paged by a keyset cursor.
    /// </summary>
    public async Task<FhirResult> HistoryAsync(
        string? resourceType,
        string? id,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        string path,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (resourceType is not null)
        {
            RequireType(resourceType);
        }

        if (id is not null)
        {
            RequireId(id);
            _ = await _repository.ReadAsync(resourceType!, id, cancellationToken)
                ?? throw new ResourceNotFoundException($"{resourceType}/{id} is not known: it has no history.");
        }

        var query = HistoryQueryOf(resourceType, id, parameters);
        var page = await _repository.HistoryAsync(query, cancellationToken);
        var self = Link(path, parameters.Where(p => !FormatParameters.Contains(p.Key)).ToList());
        var next = page.NextCursor is { } cursor
            ? Link(path, [.. parameters.Where(p => p.Key != "_cursor" && !FormatParameters.Contains(p.Key)), new("_cursor", cursor)])
            : null;
        return new FhirResult(StatusCodes.Status200OK) { Body = new HistoryBundleBody(page, self, next) };
    }

    private HistoryQuery HistoryQueryOf(string? resourceType, string? id, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (_context.Prefer.Handling == HandlingPreference.Strict && parameters.FirstOrDefault(p => !HistoryParameters.Contains(p.Key)) is { Key: { } unknown })
        {
            throw new InvalidRequestException($"History has no parameter '{unknown}' (Prefer: handling=strict).", unknown);
        }

        if (QueryParameters.Single(parameters, "_list") is not null)
        {
            throw new NotSupportedRequestException("History by _list is not supported.", "_list");
        }

        var count = _options.DefaultHistoryCount;
        if (QueryParameters.Single(parameters, "_count") is { } countText)
        {
            if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count < 1)
            {
                throw new InvalidRequestException($"_count is a positive integer, not '{countText}'.", "_count");
            }
        }

        DateTimeOffset? since = null;
        if (QueryParameters.Single(parameters, "_since") is { Length: > 0 } sinceText)
        {
            since = FhirInstant.TryParse(sinceText, out var instant) ? instant.Start
                : FhirDateTime.TryParse(sinceText, out var dateTime) ? dateTime.Start
                : throw new InvalidRequestException($"_since is an instant such as 2024-01-01T00:00:00Z, not '{sinceText}'.", "_since");
        }

        DateTimeOffset? at = null;
        if (QueryParameters.Single(parameters, "_at") is { Length: > 0 } atText)
        {
            // The versions current at the end of the period the value names.
            at = FhirDateTime.TryParse(atText, out var dateTime)
                ? dateTime.End
                : throw new InvalidRequestException($"_at is a date or dateTime, not '{atText}'.", "_at");
        }

        return new HistoryQuery
        {
            ResourceType = resourceType,
            Id = id,
            Count = count,
            Since = since,
            At = at,
            Cursor = QueryParameters.Single(parameters, "_cursor"),
        };
    }

    private FhirResult SearchBundle(SearchResult result, string path)
    {
        var self = Link(path, result.SelfParameters);
        var next = result.NextPage is { } nextPage ? Link(path, nextPage) : null;
        var previous = result.PreviousPage is { } previousPage ? Link(path, previousPage) : null;
        return new FhirResult(StatusCodes.Status200OK) { Body = new SearchBundleBody(result, self, next, previous) };
    }

    private string Link(string path, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var url = path.Length == 0 ? _context.BaseUrl : $"{_context.BaseUrl}/{path}";
        return parameters.Count == 0 ? url : $"{url}?{QueryParameters.Format(parameters)}";
    }
}
