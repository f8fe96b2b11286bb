namespace FhirEf.Core.Errors;

/// <summary>An If-Match or version precondition failed (412).</summary>
public sealed class VersionConflictException : FhirException
{
    public VersionConflictException(string message, string? expression = null)
        : base(message, "conflict", expression)
    {
    }
}
