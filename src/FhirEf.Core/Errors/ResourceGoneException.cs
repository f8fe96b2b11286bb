namespace FhirEf.Core.Errors;

/// <summary>The resource was deleted (410).</summary>
public sealed class ResourceGoneException : FhirException
{
    public ResourceGoneException(string message, string? expression = null)
        : base(message, "deleted", expression)
    {
    }
}
