namespace FhirEf.Core.Abstractions;

public sealed record SearchEntry(ResourceVersion Resource, SearchEntryMode Mode);
