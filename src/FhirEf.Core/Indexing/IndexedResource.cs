using FhirEf.Core.Indexing.Values;

namespace FhirEf.Core.Indexing;

/// <summary>Everything the indexer extracts from one resource for storage and search.</summary>
public sealed record IndexedResource
{
    public required string ResourceType { get; init; }

    public required string Id { get; init; }

    /// <summary>Search values by parameter code; parameters without values are absent.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SearchValue>> Values { get; init; }

    /// <summary>The compartments the resource belongs to, as <c>Patient/123</c>, across all five compartment types.</summary>
    public IReadOnlyList<string> Compartments { get; init; } = [];

    public IReadOnlyList<LookupValue> Lookups { get; init; } = [];

    /// <summary>The narrative's text (for <c>_text</c>).</summary>
    public string? NarrativeText { get; init; }

    /// <summary>All text of the resource (for <c>_content</c>).</summary>
    public string? ContentText { get; init; }

    /// <summary>The indexer version that produced this (stored as <c>__version</c>; rows with an older one are reindexed).</summary>
    public required int IndexerVersion { get; init; }
}
