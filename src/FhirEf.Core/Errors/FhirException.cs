namespace FhirEf.Core.Errors;

/// <summary>
/// A failure the client caused or must know about, with the OperationOutcome issue type
/// (https://hl7.org/fhir/R4/valueset-issue-type.html) that describes it. One handler maps these to
/// OperationOutcome and an HTTP status; nothing else catches them.
/// </summary>
public abstract class FhirException : Exception
{
    protected FhirException(string message, string issueCode, string? expression = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IssueCode = issueCode;
        Expression = expression;
    }

    /// <summary>OperationOutcome.issue.code: invalid, not-found, deleted, conflict, processing…</summary>
    public string IssueCode { get; }

    /// <summary>OperationOutcome.issue.expression: the FHIRPath of the offending element, if any.</summary>
    public string? Expression { get; }
}
