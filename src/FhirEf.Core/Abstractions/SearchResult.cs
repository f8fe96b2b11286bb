namespace FhirEf.Core.Abstractions;

/// <summary>
/// A page of search results: matches then includes, the total when asked for (<c>_total</c>), the query
/// parameters of the next and previous pages (the REST layer turns them into links), the parameters that
/// were applied (for the self link), and issues for an OperationOutcome entry.
/// </summary>
public sealed record SearchResult
{
    public required IReadOnlyList<SearchEntry> Entries { get; init; }

    public long? Total { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>>? NextPage { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>>? PreviousPage { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> SelfParameters { get; init; } = [];

    public IReadOnlyList<SearchIssue> Issues { get; init; } = [];

    /// <summary><c>_summary</c> and <c>_elements</c>, for the REST layer to apply when it writes the resources.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<string>? Elements { get; init; }
}
