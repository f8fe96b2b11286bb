namespace FhirEf.EntityFramework.Search;

/// <summary>The columns a search page or include reads from a main table.</summary>
internal sealed record SearchRow
{
    public required string ResourceType { get; init; }

    public required int TypeOrder { get; init; }

    public required string Id { get; init; }

    public required int VersionId { get; init; }

    public required DateTime LastUpdated { get; init; }

    public string? Content { get; init; }
}
