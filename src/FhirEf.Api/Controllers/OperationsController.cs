using FhirEf.Api.Formatting;
using FhirEf.Api.Interactions;
using FhirEf.Api.Requests;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>Operations (https://hl7.org/fhir/R4/operations.html): $validate, $meta, $meta-add, $meta-delete and Patient/$everything.</summary>
[Route("fhir")]
public sealed class OperationsController(FhirInteractions interactions, FhirRequestReader reader) : FhirControllerBase
{
    /// <summary>$validate at type level: the body is the resource, or Parameters (resource, mode, profile).</summary>
    [HttpPost("{type}/$validate")]
    public async Task<FhirActionResult> Validate(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var body = await reader.ReadJsonAsync(Request, FhirMediaTypes.IsJson, FhirMediaTypes.Json, cancellationToken);
        return Fhir(await interactions.ValidateAsync(type, null, body, cancellationToken));
    }

    /// <summary>$validate at instance level (mode update or delete).</summary>
    [HttpPost("{type}/{id}/$validate")]
    public async Task<FhirActionResult> ValidateInstance(string type, string id, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var body = await reader.ReadJsonAsync(Request, FhirMediaTypes.IsJson, FhirMediaTypes.Json, cancellationToken);
        return Fhir(await interactions.ValidateAsync(type, id, body, cancellationToken));
    }

    /// <summary>$meta of the current version.</summary>
    [HttpGet("{type}/{id}/$meta")]
    [HttpPost("{type}/{id}/$meta")]
    public async Task<FhirActionResult> Meta(string type, string id, CancellationToken cancellationToken) =>
        Fhir(await interactions.MetaAsync(type, id, null, cancellationToken));

    /// <summary>$meta of a version.</summary>
    [HttpGet("{type}/{id}/_history/{versionId}/$meta")]
    [HttpPost("{type}/{id}/_history/{versionId}/$meta")]
    public async Task<FhirActionResult> VersionMeta(string type, string id, string versionId, CancellationToken cancellationToken) =>
        Fhir(await interactions.MetaAsync(type, id, versionId, cancellationToken));

    /// <summary>$meta-add: Parameters with a 'meta' parameter; writes a new version.</summary>
    [HttpPost("{type}/{id}/$meta-add")]
    public async Task<FhirActionResult> MetaAdd(string type, string id, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var parameters = await reader.ReadResourceAsync(Request, cancellationToken);
        return Fhir(await interactions.ChangeMetaAsync(type, id, parameters, add: true, cancellationToken));
    }

    /// <summary>$meta-delete: Parameters with a 'meta' parameter; writes a new version.</summary>
    [HttpPost("{type}/{id}/$meta-delete")]
    public async Task<FhirActionResult> MetaDelete(string type, string id, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        var parameters = await reader.ReadResourceAsync(Request, cancellationToken);
        return Fhir(await interactions.ChangeMetaAsync(type, id, parameters, add: false, cancellationToken));
    }

    /// <summary>Patient/$everything: the patient and everything in its compartment.</summary>
    [HttpGet("Patient/{id}/$everything")]
    [HttpPost("Patient/{id}/$everything")]
    public async Task<FhirActionResult> Everything(string id, CancellationToken cancellationToken) =>
        Fhir(await interactions.EverythingAsync(id, QueryList, cancellationToken));
}
