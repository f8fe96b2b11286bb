using FhirEf.Api.Bundles;
using FhirEf.Api.Interactions;
using FhirEf.Api.Requests;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>System-level interactions: batch and transaction (POST [base]), search across types, system history.</summary>
[Route("fhir")]
public sealed class SystemController(FhirInteractions interactions, BundleProcessor bundles, FhirRequestReader reader) : FhirControllerBase
{
    /// <summary>batch or transaction: a Bundle of type batch or transaction.</summary>
    [HttpPost]
    public async Task<FhirActionResult> Bundle(CancellationToken cancellationToken)
    {
        var bundle = await reader.ReadResourceAsync(Request, cancellationToken);
        return Fhir(await bundles.ProcessAsync(bundle, cancellationToken));
    }

    /// <summary>search across all types: GET [base]?params (with _type to name types).</summary>
    [HttpGet]
    [HttpHead]
    public async Task<FhirActionResult> Search(CancellationToken cancellationToken) =>
        Fhir(await interactions.SearchAsync(null, null, null, QueryList, string.Empty, cancellationToken));

    /// <summary>search across all types: POST [base]/_search with a form body.</summary>
    [HttpPost("_search")]
    public async Task<FhirActionResult> SearchByPost(CancellationToken cancellationToken)
    {
        var parameters = QueryList.Concat(await reader.ReadFormAsync(Request, cancellationToken)).ToList();
        return Fhir(await interactions.SearchAsync(null, null, null, parameters, string.Empty, cancellationToken));
    }

    /// <summary>history of the whole server.</summary>
    [HttpGet("_history")]
    [HttpHead("_history")]
    public async Task<FhirActionResult> History(CancellationToken cancellationToken) =>
        Fhir(await interactions.HistoryAsync(null, null, QueryList, "_history", cancellationToken));
}
