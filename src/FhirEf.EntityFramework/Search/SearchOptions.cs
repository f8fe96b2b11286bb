using System.ComponentModel.DataAnnotations;

namespace FhirEf.EntityFramework.Search;

/// <summary>Configuration section <c>Fhir:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Fhir:Search";

    [Range(1, 1000)]
    public int DefaultCount { get; set; } = 20;

    [Range(1, 10_000)]
    public int MaxCount { get; set; } = 1000;

    /// <summary>Depth of chains and nested <c>_has</c>.</summary>
    [Range(1, 10)]
    public int MaxChainDepth { get; set; } = 4;

    [Range(1, 10_000)]
    public int MaxValuesPerParameter { get; set; } = 1000;

    /// <summary>Rounds of <c>:iterate</c> includes.</summary>
    [Range(1, 10)]
    public int MaxIncludeDepth { get; set; } = 3;

    /// <summary>Most resources included into one page.</summary>
    [Range(1, 100_000)]
    public int MaxIncludes { get; set; } = 1000;

    /// <summary>Most codes a <c>:in</c>, <c>:not-in</c>, <c>:below</c> or <c>:above</c> expansion may hold; a larger one is a 400.</summary>
    [Range(1, 1_000_000)]
    public int MaxExpansionCodes { get; set; } = 10_000;

    /// <summary>Every search statement is cancelled after this long, with a clear OperationOutcome.</summary>
    [Range(1, 3600)]
    public int StatementTimeoutSeconds { get; set; } = 30;

    /// <summary><c>_total=estimate</c> counts up to this many matches and reports that bound beyond it.</summary>
    [Range(1, 10_000_000)]
    public int EstimateLimit { get; set; } = 10_000;

    /// <summary>Log the plan (EXPLAIN) of searches slower than this many milliseconds; 0 turns it off.</summary>
    [Range(0, 3_600_000)]
    public int ExplainSlowerThanMilliseconds { get; set; }
}
