namespace FhirEf.Core.Abstractions;

/// <summary>What a write did, and the version it left current (null when there is none: a delete of nothing).</summary>
public sealed record WriteResult(WriteOutcome Outcome, ResourceVersion? Version);
