namespace FhirEf.Core.Errors;

/// <summary>
/// The OperationOutcome.issue.code values (R4 value set issue-type) FhirEf raises;
/// <see cref="OperationOutcomeCodes"/> gives their FHIR codes.
/// </summary>
public enum IssueType
{
    /// <summary><c>invalid</c>: content is invalid against the specification.</summary>
    Invalid,

    /// <summary><c>structure</c>: a structural problem (unknown element, wrong JSON shape, malformed JSON).</summary>
    Structure,

    /// <summary><c>required</c>: a required element is missing.</summary>
    Required,

    /// <summary><c>value</c>: an element's value does not match its type's syntax.</summary>
    Value,

    /// <summary><c>too-long</c>: content is too long (a denial-of-service limit).</summary>
    TooLong,

    /// <summary><c>too-costly</c>: processing it would take too much (nesting past the depth limit).</summary>
    TooCostly,

    /// <summary><c>not-supported</c>: valid FHIR that this server does not handle (an unknown resource type, an oversized decimal).</summary>
    NotSupported,
}
