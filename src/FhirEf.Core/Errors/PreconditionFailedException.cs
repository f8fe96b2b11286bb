namespace FhirEf.Core.Errors;

/// <summary>Conditional criteria matched more than one resource (412).</summary>
public sealed class PreconditionFailedException : FhirException
{
    public PreconditionFailedException(string message, string? expression = null)
        : base(message, "multiple-matches", expression)
    {
    }
}
