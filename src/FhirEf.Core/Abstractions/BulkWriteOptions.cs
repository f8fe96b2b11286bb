namespace FhirEf.Core.Abstractions;

/// <summary>Options of one <see cref="IFhirBulkWriter"/> call.</summary>
public sealed record BulkWriteOptions
{
    public static BulkWriteOptions None { get; } = new();

    /// <summary>
    /// The caller knows none of the resources exists (fresh ids from a generator): skips the lookup of
    /// current versions and copies straight into the tables. A resource that does exist fails the batch.
    /// </summary>
    public bool AllNew { get; init; }

    /// <summary>
    /// Load now, index later: stores content, version, <c>meta</c> and history, but no search columns,
    /// references or lookup rows, and marks the row stale (<c>__version = 0</c>) for the reindexer. The
    /// resources can be read, versioned and exported at once and are found by searches once reindexed.
    /// </summary>
    public bool IndexLater { get; init; }

    /// <summary>The interaction history records; defaults to POST for server ids and PUT for client ids.</summary>
    public string? Method { get; init; }
}
