namespace FhirEf.Core.Abstractions;

/// <summary>
/// A search as received (https://hl7.org/fhir/R4/search.html): the type (null for a system search),
/// the query parameters in order (repeats allowed, values still FHIR-escaped), whether unknown
/// parameters are errors (<c>Prefer: handling=strict</c>), and the compartment of a compartment search
/// (<c>GET [base]/Patient/123/Observation</c>).
/// </summary>
public sealed record SearchRequest(string? ResourceType, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public bool Strict { get; init; }

    public string? CompartmentType { get; init; }

    public string? CompartmentId { get; init; }
}
