using FhirEf.Api.Interactions;
using FhirEf.Api.Requests;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>Instance-level interactions (https://hl7.org/fhir/R4/http.html): read, vread, update, patch, delete and history of one resource.</summary>
[Route("fhir/{type}/{id}")]
public sealed class InstanceController(FhirInteractions interactions, FhirRequestReader reader) : FhirControllerBase
{
    /// <summary>read: the current version; 404 unknown, 410 deleted, 304 with If-None-Match / If-Modified-Since when unchanged.</summary>
    [HttpGet]
    [HttpHead]
    public async Task<FhirActionResult> Read(string type, string id, CancellationToken cancellationToken) =>
        Fhir(await interactions.ReadAsync(type, id, ReadConditions, cancellationToken));

    /// <summary>vread: one version; 410 when that version is a deletion.</summary>
    [HttpGet("_history/{versionId}")]
    [HttpHead("_history/{versionId}")]
    public async Task<FhirActionResult> VRead(string type, string id, string versionId, CancellationToken cancellationToken) =>
        Fhir(await interactions.VReadAsync(type, id, versionId, cancellationToken));

    /// <summary>update (update-as-create for a new id); If-Match for version-aware updates.</summary>
    [HttpPut]
    public async Task<FhirActionResult> Update(string type, string id, CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch;
        var resource = await reader.ReadResourceAsync(Request, cancellationToken);
        return Fhir(await interactions.UpdateAsync(type, id, resource, ifMatch, cancellationToken));
    }

    /// <summary>patch: JSON Patch (application/json-patch+json) or FHIRPath Patch (a Parameters resource).</summary>
    [HttpPatch]
    public async Task<FhirActionResult> Patch(string type, string id, CancellationToken cancellationToken)
    {
        var ifMatch = IfMatch;
        var patch = await reader.ReadPatchAsync(Request, cancellationToken);
        return Fhir(await interactions.PatchAsync(type, id, patch, ifMatch, cancellationToken));
    }

    /// <summary>delete: 204 whether or not the resource existed.</summary>
    [HttpDelete]
    public async Task<FhirActionResult> Delete(string type, string id, CancellationToken cancellationToken) =>
        Fhir(await interactions.DeleteAsync(type, id, IfMatch, cancellationToken));

    /// <summary>history of the instance: _count, _since, _at.</summary>
    [HttpGet("_history")]
    [HttpHead("_history")]
    public async Task<FhirActionResult> History(string type, string id, CancellationToken cancellationToken) =>
        Fhir(await interactions.HistoryAsync(type, id, QueryList, $"{type}/{id}/_history", cancellationToken));
}
