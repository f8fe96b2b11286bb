using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The URL names a resource type this server does not know (404, https://hl7.org/fhir/R4/http.html#create).</summary>
public sealed class ResourceTypeNotSupportedException(string resourceType)
    : FhirException($"'{resourceType}' is not a resource type this server supports (FHIR R4).", "not-supported");
