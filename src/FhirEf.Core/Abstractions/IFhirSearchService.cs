namespace FhirEf.Core.Abstractions;

/// <summary>FHIR search for the current tenant: type, system and compartment level, with paging and includes.</summary>
public interface IFhirSearchService
{
    Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary><c>Patient/[id]/$everything</c> (https://hl7.org/fhir/R4/patient-operation-everything.html): the patient and its compartment.</summary>
    Task<SearchResult> EverythingAsync(string patientId, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken);
}
