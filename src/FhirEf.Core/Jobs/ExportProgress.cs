using System.Text.Json.Serialization;

namespace FhirEf.Core.Jobs;

/// <summary>
/// How far an export got: the types to write (the plan, in order), the types whose files are complete, and
/// those files (in plan order, so the manifest does not depend on which stream finished first). Types are
/// written several at a time, so a resumed export rewrites every unfinished type's file from the start;
/// finished files stay.
/// </summary>
public sealed record ExportProgress
{
    public required IReadOnlyList<string> Types { get; init; }

    /// <summary>
    /// The types whose files are complete, in plan order. Absent from progress written when exports ran one
    /// type at a time: there every type before <see cref="TypeIndex"/> was finished.
    /// </summary>
    public IReadOnlyList<string>? Finished { get; init; }

    /// <summary>
    /// How many types at the start of the plan are finished. Progress written by the one-type-at-a-time export
    /// has only this (the index of the type it was writing); today's progress still writes it, with the same meaning.
    /// </summary>
    public int TypeIndex { get; init; }

    public IReadOnlyList<ExportFile> Files { get; init; } = [];

    /// <summary>When the export started reading: the manifest's <c>transactionTime</c>.</summary>
    public DateTimeOffset TransactionTime { get; init; }

    /// <summary>Resources written so far, the unfinished types' partial files included.</summary>
    public long Exported { get; init; }

    /// <summary>The finished types, whichever way the progress was written.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FinishedTypes => Finished ?? [.. Types.Take(TypeIndex)];
}
