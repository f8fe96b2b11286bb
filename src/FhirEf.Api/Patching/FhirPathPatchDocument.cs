using System.Text.Json;

namespace FhirEf.Api.Patching;

/// <summary>A FHIRPath Patch (https://hl7.org/fhir/R4/fhirpatch.html): a Parameters resource of <c>operation</c> parameters.</summary>
public sealed record FhirPathPatchDocument(JsonElement Parameters) : PatchDocument;
