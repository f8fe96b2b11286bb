namespace FhirEf.Core.Abstractions;

/// <summary>A page of history, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, string? NextCursor);
