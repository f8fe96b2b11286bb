namespace FhirEf.Core.Bulk;

/// <summary>An import job of a tenant, as persisted: its inputs with their progress.</summary>
public sealed record ImportJob(
    string Id,
    ImportJobStatus Status,
    IReadOnlyList<ImportInputProgress> Inputs,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Message)
{
    public ImportIndexing Indexing { get; init; }

    /// <summary>The reindex job queued when an <see cref="ImportIndexing.Later"/> import completed.</summary>
    public Guid? ReindexJobId { get; init; }

    public long Resources => Inputs.Sum(i => i.Resources);

    public long Errors => Inputs.Sum(i => i.Errors);

    public bool Finished => Status is ImportJobStatus.Completed or ImportJobStatus.Failed or ImportJobStatus.Cancelled;
}
