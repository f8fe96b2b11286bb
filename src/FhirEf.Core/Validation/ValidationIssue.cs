using FhirEf.Core.Errors;

namespace FhirEf.Core.Validation;

/// <summary>
/// One problem found in a resource, shaped like an OperationOutcome issue.
/// </summary>
/// <param name="Severity">Error for every rule the resource breaks; Fatal when checking stopped (malformed JSON, size, depth).</param>
/// <param name="Code">The OperationOutcome issue type.</param>
/// <param name="Path">
/// Where, as a FHIRPath-like location with indexes: <c>Patient.name[1].given[0]</c>. JSON names are
/// kept (<c>Observation.valueQuantity</c>); a <c>_given</c> sibling is reported on <c>given</c>; contained
/// resources continue their parent's path (<c>Bundle.entry[3].resource.status</c>). Empty when the
/// input is not a JSON document at all.
/// </param>
/// <param name="Message">What is wrong, in a sentence.</param>
public sealed record ValidationIssue(IssueSeverity Severity, IssueType Code, string Path, string Message)
{
    /// <summary>RFC 6901 pointer to the JSON value ("/name/1/_given/0"); null when the issue is about the input as a whole.</summary>
    public string? JsonPointer { get; init; }

    /// <summary>One-based line of a JSON syntax error.</summary>
    public long? Line { get; init; }

    /// <summary>One-based byte position within <see cref="Line"/> of a JSON syntax error.</summary>
    public long? BytePositionInLine { get; init; }

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
