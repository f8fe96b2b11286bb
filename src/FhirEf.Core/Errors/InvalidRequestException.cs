namespace FhirEf.Core.Errors;

/// <summary>The request is malformed (400).</summary>
public sealed class InvalidRequestException : FhirException
{
    public InvalidRequestException(string message, string? expression = null)
        : base(message, "invalid", expression)
    {
    }
}
