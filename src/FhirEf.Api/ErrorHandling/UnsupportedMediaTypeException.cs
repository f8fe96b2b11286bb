using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The request body is in a format the server does not read (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : FhirException(message, "not-supported");
