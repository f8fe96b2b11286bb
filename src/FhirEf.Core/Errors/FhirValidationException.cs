using FhirEf.Core.Validation;

namespace FhirEf.Core.Errors;

/// <summary>A resource failed validation; <see cref="Issues"/> lists every problem found (the API maps them to OperationOutcome.issue).</summary>
public sealed class FhirValidationException : FhirException
{
    public FhirValidationException(IReadOnlyList<ValidationIssue> issues)
        : base(Describe(issues), "invalid", issues.Count > 0 ? issues[0].Path : null)
    {
        Issues = issues;
    }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    private static string Describe(IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return issues.Count switch
        {
            0 => "The resource is not valid.",
            1 => $"The resource is not valid: {issues[0]}",
            _ => $"The resource is not valid: {issues[0]} (and {issues.Count - 1} more issues)",
        };
    }
}
