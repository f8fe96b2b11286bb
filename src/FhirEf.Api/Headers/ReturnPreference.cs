namespace FhirEf.Api.Headers;

/// <summary><c>Prefer: return=…</c> (https://hl7.org/fhir/R4/http.html#prefer).</summary>
public enum ReturnPreference
{
    /// <summary>No preference: the resource for single interactions, the response only for bundle entries.</summary>
    Unspecified,
    Minimal,
    Representation,
    OperationOutcome,
}
