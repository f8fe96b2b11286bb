namespace FhirEf.Core.Search.Syntax;

/// <summary>Bounds that keep hostile queries from becoming expensive ones (each breach is a 400 naming the limit).</summary>
public sealed record SearchLimits
{
    public static SearchLimits Default { get; } = new();

    /// <summary>Query parameters in one search.</summary>
    public int MaxParameters { get; init; } = 100;

    /// <summary>OR values of one parameter.</summary>
    public int MaxValuesPerParameter { get; init; } = 1000;

    /// <summary>Characters of one value.</summary>
    public int MaxValueLength { get; init; } = 4096;

    /// <summary>Depth of a chain (<c>a.b.c.d</c> is 4) and of nested <c>_has</c>.</summary>
    public int MaxChainDepth { get; init; } = 4;

    /// <summary>Largest page; a larger <c>_count</c> is lowered to it (the spec lets the server return fewer).</summary>
    public int MaxCount { get; init; } = 1000;

    public int DefaultCount { get; init; } = 20;

    /// <summary>Largest <c>_offset</c> (deep offsets scan; use the next links instead).</summary>
    public int MaxOffset { get; init; } = 10_000;
}
