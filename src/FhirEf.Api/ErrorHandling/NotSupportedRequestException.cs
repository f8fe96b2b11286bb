using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>A valid FHIR request this server does not carry out (400, issue not-supported), as the spec asks for unsupported conditional interactions.</summary>
public sealed class NotSupportedRequestException(string message, string? expression = null) : FhirException(message, "not-supported", expression);
