namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// A value a resource yields for one search parameter, in the form search compares against
/// (https://hl7.org/fhir/R4/search.html). Produced by the indexer, stored by the storage layer.
/// </summary>
public abstract record SearchValue;
