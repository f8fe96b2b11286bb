namespace FhirEf.Core.Jobs;

/// <summary>One <c>_typeFilter</c> of an export: a search of <see cref="Type"/> with these query parameters (values FHIR-escaped).</summary>
public sealed record ExportTypeFilter(string Type, IReadOnlyList<KeyValuePair<string, string>> Parameters);
