namespace FhirEf.Core.Errors;

/// <summary>The resource is not acceptable (400/422).</summary>
public sealed class InvalidResourceException : FhirException
{
    public InvalidResourceException(string message, string? expression = null)
        : base(message, "invalid", expression)
    {
    }
}
