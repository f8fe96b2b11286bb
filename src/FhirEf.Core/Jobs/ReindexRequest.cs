namespace FhirEf.Core.Jobs;

/// <summary>
/// What a reindex covers: a tenant (null: every tenant, as <c>fhiref reindex</c> does), a type (null: every
/// type) and an instance (null: every stale row of the type). An instance is rewritten whatever its
/// <c>__version</c>; otherwise only rows older than the indexer's version are.
/// </summary>
public sealed record ReindexRequest(string? ProjectId, string? ResourceType, string? Id)
{
    public const int DefaultBatchSize = 500;

    /// <summary>Rows per transaction: larger batches are faster, smaller ones hold their row locks for less time.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
