using FhirEf.Core.Errors;

namespace FhirEf.Api.ErrorHandling;

/// <summary>The client asked for a response format the server does not write (406).</summary>
public sealed class NotAcceptableException(string message) : FhirException(message, "not-supported");
