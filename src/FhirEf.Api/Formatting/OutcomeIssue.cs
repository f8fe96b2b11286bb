namespace FhirEf.Api.Formatting;

/// <summary>One OperationOutcome.issue.</summary>
public sealed record OutcomeIssue(string Severity, string Code, string Diagnostics, string? Expression = null);
