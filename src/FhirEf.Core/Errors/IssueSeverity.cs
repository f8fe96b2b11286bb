namespace FhirEf.Core.Errors;

/// <summary>OperationOutcome.issue.severity (R4 value set issue-severity), most severe first.</summary>
public enum IssueSeverity
{
    /// <summary>The issue stopped processing: nothing after it was checked.</summary>
    Fatal,
    Error,
    Warning,
    Information,
}
