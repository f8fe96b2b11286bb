using FhirEf.Api.Headers;
using FhirEf.Api.Interactions;
using FhirEf.Api.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace FhirEf.Api.Controllers;

/// <summary>
/// What the FHIR controllers share: the request filter (format negotiation and Prefer before the
/// action runs), the query as FHIR reads it, the conditional headers, and the result type.
/// </summary>
[ApiController]
[ServiceFilter(typeof(FhirRequestFilter))]
[Produces("application/fhir+json", "application/json")]
public abstract class FhirControllerBase : ControllerBase
{
    /// <summary>The query string's parameters in order, repeats kept.</summary>
    protected IReadOnlyList<KeyValuePair<string, string>> QueryList => QueryParameters.Parse(Request.QueryString.Value);

    protected int? IfMatch => ETags.ParseIfMatch(Request.Headers.IfMatch.ToString());

    protected ReadConditions ReadConditions => new(
        Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch ? ifNoneMatch : null,
        HeaderUtilities.TryParseDate(Request.Headers.IfModifiedSince.ToString(), out var since) ? since : null);

    protected static FhirActionResult Fhir(FhirResult result) => new(result);
}
