namespace FhirEf.Core.Abstractions;

/// <summary>Bundle.entry.search.mode.</summary>
public enum SearchEntryMode
{
    Match,
    Include,
    Outcome,
}
