namespace FhirEf.Core.Errors;

/// <summary>The resource does not exist (404).</summary>
public sealed class ResourceNotFoundException : FhirException
{
    public ResourceNotFoundException(string message, string? expression = null)
        : base(message, "not-found", expression)
    {
    }
}
