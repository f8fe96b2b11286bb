namespace FhirEf.Api.Formatting;

/// <summary><c>_summary</c> (https://hl7.org/fhir/R4/search.html#summary).</summary>
public enum SummaryMode
{
    /// <summary>Absent or <c>false</c>: the whole resource.</summary>
    False,

    /// <summary>Elements marked isSummary.</summary>
    True,

    /// <summary>id, meta, text and the top-level mandatory elements.</summary>
    Text,

    /// <summary>Everything but text.</summary>
    Data,

    /// <summary>Searches only: the count, no resources.</summary>
    Count,
}
