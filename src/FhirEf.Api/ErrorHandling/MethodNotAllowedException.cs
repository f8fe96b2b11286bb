using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The interaction is not allowed on this URL (405).</summary>
public sealed class MethodNotAllowedException(string message) : FhirException(message, "not-supported");
