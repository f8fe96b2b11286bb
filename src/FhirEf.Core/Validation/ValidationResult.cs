using FhirEf.Core.Errors;

namespace FhirEf.Core.Validation;

/// <summary>Every issue <see cref="ResourceValidator"/> found in one resource.</summary>
public sealed class ValidationResult
{
    internal ValidationResult(string? resourceType, IReadOnlyList<ValidationIssue> issues)
    {
        ResourceType = resourceType;
        Issues = issues;
        IsValid = !issues.Any(i => i.Severity <= IssueSeverity.Error);
    }

    /// <summary>The top-level resourceType when it names a known resource type; otherwise null.</summary>
    public string? ResourceType { get; }

    /// <summary>All issues, in document order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>True when no issue is an error or fatal.</summary>
    public bool IsValid { get; }

    /// <exception cref="FhirValidationException">The resource has errors.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new FhirValidationException(Issues);
        }
    }
}
