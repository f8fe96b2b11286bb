namespace FhirEf.Api.Patching;

/// <summary>A patch (https://hl7.org/fhir/R4/http.html#patch): JSON Patch or FHIRPath Patch.</summary>
public abstract record PatchDocument;
