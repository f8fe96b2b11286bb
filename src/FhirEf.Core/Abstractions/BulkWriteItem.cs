namespace FhirEf.Core.Abstractions;

/// <summary>
/// What a bulk write did with the resource at <see cref="Index"/> of the input: its outcome and the
/// version it left current, or, when it was not stored, <see cref="Error"/> (the others were).
/// </summary>
public sealed record BulkWriteItem(int Index, string? ResourceType, string? Id, int VersionId, WriteOutcome? Outcome, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>The version this write stored (content as stored, with its <c>meta</c>); null when it stored none.</summary>
    public ResourceVersion? Version { get; init; }
}
