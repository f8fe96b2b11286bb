using FhirEf.Api.Interactions;
using FhirEf.Api.Requests;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>Type-level interactions: create (and conditional create), search, conditional update, patch and delete, type history.</summary>
[Route("fhir/{type}")]
public sealed class TypeController(FhirInteractions interactions, FhirRequestReader reader) : FhirControllerBase
{
    /// <summary>search: GET [type]?params.</summary>
    [HttpGet]
    [HttpHead]
    public async Task<FhirActionResult> Search(string type, CancellationToken cancellationToken) =>
        Fhir(await interactions.SearchAsync(type, null, null, QueryList, type, cancellationToken));

    /// <summary>search: POST [type]/_search with a form body (and/or query parameters).</summary>
    [HttpPost("_search")]
    public async Task<FhirActionResult> SearchByPost(string type, CancellationToken cancellationToken)
    {
        var parameters = QueryList.Concat(await reader.ReadFormAsync(Request, cancellationToken)).ToList();
        return Fhir(await interactions.SearchAsync(type, null, null, parameters, type, cancellationToken));
    }

    /// <summary>create; with If-None-Exist a conditional create.</summary>
    [HttpPost]
    public async Task<FhirActionResult> Create(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var resource = await reader.ReadResourceAsync(Request, cancellationToken);
        var ifNoneExist = Request.Headers["If-None-Exist"].ToString();
        return Fhir(await interactions.CreateAsync(type, resource, ifNoneExist.Length > 0 ? ifNoneExist : null, cancellationToken));
    }

    /// <summary>Conditional update: PUT [type]?criteria.</summary>
    [HttpPut]
    public async Task<FhirActionResult> ConditionalUpdate(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var criteria = FhirInteractions.Criteria(type, Request.QueryString.Value ?? string.Empty);
        var ifMatch = IfMatch;
        var resource = await reader.ReadResourceAsync(Request, cancellationToken);
        return Fhir(await interactions.ConditionalUpdateAsync(type, criteria, resource, ifMatch, cancellationToken));
    }

    /// <summary>Conditional patch: PATCH [type]?criteria.</summary>
    [HttpPatch]
    public async Task<FhirActionResult> ConditionalPatch(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var criteria = FhirInteractions.Criteria(type, Request.QueryString.Value ?? string.Empty);
        var ifMatch = IfMatch;
        var patch = await reader.ReadPatchAsync(Request, cancellationToken);
        return Fhir(await interactions.ConditionalPatchAsync(type, criteria, patch, ifMatch, cancellationToken));
    }

    /// <summary>Conditional delete: DELETE [type]?criteria (one match).</summary>
    [HttpDelete]
    public async Task<FhirActionResult> ConditionalDelete(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        return Fhir(await interactions.ConditionalDeleteAsync(type, FhirInteractions.Criteria(type, Request.QueryString.Value ?? string.Empty), cancellationToken));
    }

    /// <summary>history of every resource of the type.</summary>
    [HttpGet("_history")]
    [HttpHead("_history")]
    public async Task<FhirActionResult> History(string type, CancellationToken cancellationToken) =>
        Fhir(await interactions.HistoryAsync(type, null, QueryList, $"{type}/_history", cancellationToken));
}
