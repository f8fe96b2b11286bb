using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The request body exceeds <c>Fhir:Api:MaxRequestBodyBytes</c> (413).</summary>
public sealed class PayloadTooLargeException(long limit)
    : FhirException($"The request body is larger than this server accepts ({limit} bytes).", "too-long");
