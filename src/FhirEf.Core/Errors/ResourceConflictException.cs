namespace FhirEf.Core.Errors;

/// <summary>The write conflicts with the current state (409).</summary>
public sealed class ResourceConflictException : FhirException
{
    public ResourceConflictException(string message, string? expression = null)
        : base(message, "conflict", expression)
    {
    }
}
