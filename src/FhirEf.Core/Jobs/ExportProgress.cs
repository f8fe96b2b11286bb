namespace FhirEf.Core.Jobs;

/// <summary>
/// How far an export got: the types to write in order, the index of the one being written, and the files
/// finished. A resumed export rewrites the current type's file from the start; finished files stay.
/// </summary>
public sealed record ExportProgress
{
    public required IReadOnlyList<string> Types { get; init; }

    public int TypeIndex { get; init; }

    public IReadOnlyList<ExportFile> Files { get; init; } = [];

    /// <summary>When the export started reading: the manifest's <c>transactionTime</c>.</summary>
    public DateTimeOffset TransactionTime { get; init; }

    public long Exported { get; init; }
}
