namespace FhirEf.Core.Abstractions;

/// <summary>Something the search ignored or could not honour (an unknown parameter in lenient mode…), for the outcome entry.</summary>
public sealed record SearchIssue(string Severity, string Code, string Diagnostics, string? Expression = null);
