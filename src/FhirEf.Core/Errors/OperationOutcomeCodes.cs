namespace FhirEf.Core.Errors;

/// <summary>The FHIR codes of <see cref="IssueSeverity"/> and <see cref="IssueType"/> for OperationOutcome.issue.</summary>
public static class OperationOutcomeCodes
{
    public static string Code(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Fatal => "fatal",
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        IssueSeverity.Information => "information",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Code(IssueType type) => type switch
    {
        IssueType.Invalid => "invalid",
        IssueType.Structure => "structure",
        IssueType.Required => "required",
        IssueType.Value => "value",
        IssueType.TooLong => "too-long",
        IssueType.TooCostly => "too-costly",
        IssueType.NotSupported => "not-supported",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
