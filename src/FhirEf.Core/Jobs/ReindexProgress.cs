namespace FhirEf.Core.Jobs;

/// <summary>
/// How far a reindex got: the types still to do (in order), the keyset cursor in the current one
/// (<c>(__version, id, projectId)</c> of the last row rewritten: ids repeat across tenants), and counts. Stored after every batch.
/// </summary>
public sealed record ReindexProgress
{
    public required IReadOnlyList<string> Types { get; init; }

    public int TypeIndex { get; init; }

    public int? AfterVersion { get; init; }

    public string? AfterId { get; init; }

    public string? AfterProjectId { get; init; }

    /// <summary>Stale rows found when the job started (an estimate: rows written meanwhile are current already).</summary>
    public long Total { get; init; }

    public long Processed { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string? CurrentType => TypeIndex < Types.Count ? Types[TypeIndex] : null;
}
