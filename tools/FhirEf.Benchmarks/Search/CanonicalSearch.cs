using FhirEf.Core.Abstractions;

namespace FhirEf.Benchmarks.Search;

/// <summary>Simple searches have a p95 target of 50 ms; chained, <c>_has</c> and include searches 200 ms (issue 6).</summary>
internal enum SearchKind
{
    Simple,
    Complex,
}

/// <summary>
/// One of the canonical searches: the FHIR request the search service answers, and the hand-written SQL
/// (positional parameters, <c>$1</c> always the tenant) that returns the same rows as
/// (<c>kind</c>, <c>id</c>, <c>versionId</c>, <c>lastUpdated</c>, <c>content</c>), where <c>kind</c> is
/// <c>match</c> or <c>include</c>.
/// </summary>
internal sealed record CanonicalSearch(string Name, SearchKind Kind, SearchRequest Request, string Sql, IReadOnlyList<object> SqlParameters)
{
    /// <summary>How a reader would write the search as a URL, for the report.</summary>
    public string Url
    {
        get
        {
            var path = Request.CompartmentType is { } compartment
                ? $"{compartment}/{Request.CompartmentId}/{Request.ResourceType}"
                : Request.ResourceType;
            return Request.Parameters.Count == 0 ? path! : path + "?" + string.Join("&", Request.Parameters.Select(p => p.Key + "=" + p.Value));
        }
    }
}
