namespace FhirEf.Core.Search.Syntax;

/// <summary>The result parameters of a search (R4 search §3.1.1.5): everything that shapes the page rather than filters it.</summary>
public sealed record SearchControls
{
    public int? Count { get; init; }

    public int? Offset { get; init; }

    /// <summary>FhirEf's keyset paging position (<c>_cursor</c>), from a next/previous link.</summary>
    public string? Cursor { get; init; }

    public IReadOnlyList<SortKey> Sort { get; init; } = [];

    public TotalMode Total { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string>? Elements { get; init; }

    public IReadOnlyList<IncludeSyntax> Includes { get; init; } = [];

    public IReadOnlyList<IncludeSyntax> RevIncludes { get; init; } = [];

    /// <summary><c>_type</c> of a system search.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];
}
