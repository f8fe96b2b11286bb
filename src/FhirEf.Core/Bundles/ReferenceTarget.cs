namespace FhirEf.Core.Bundles;

/// <summary>
/// The resource an entry's fullUrl stands for: its type and, once known, the id it has on this server.
/// <see cref="IsCreate"/> marks a resource the transaction creates (its version-specific references become version 1).
/// </summary>
public sealed class ReferenceTarget(string resourceType, int entryIndex)
{
    public string ResourceType { get; } = resourceType;

    public int EntryIndex { get; } = entryIndex;

    /// <summary>The id on this server; null until the transaction has decided it.</summary>
    public string? Id { get; set; }

    public bool IsCreate { get; set; }

    /// <summary>Whether a resource of the bundle refers to this entry (only those need their id before they are written).</summary>
    public bool IsReferenced { get; set; }

    public string? LocalReference => Id is null ? null : $"{ResourceType}/{Id}";
}
