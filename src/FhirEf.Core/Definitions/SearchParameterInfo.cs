namespace FhirEf.Core.Definitions;

/// <summary>A SearchParameter resource, as FhirEf uses it.</summary>
public sealed record SearchParameterInfo
{
    public required string Url { get; init; }

    public required string Code { get; init; }

    public string Name { get; init; } = string.Empty;

    public required SearchParamType Type { get; init; }

    /// <summary>Resource types it applies to ("Resource" and "DomainResource" apply to their subtypes).</summary>
    public required IReadOnlyList<string> Base { get; init; }

    /// <summary>The FHIRPath expression that extracts the values; null for a few special parameters.</summary>
    public string? Expression { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<string> Modifiers { get; init; } = [];

    public IReadOnlyList<string> Comparators { get; init; } = [];

    public IReadOnlyList<SearchParameterComponentInfo> Components { get; init; } = [];

    public bool MultipleOr { get; init; } = true;

    public bool MultipleAnd { get; init; } = true;

    public IReadOnlyList<string> Chain { get; init; } = [];

    public string? Description { get; init; }

    public string? Version { get; init; }

    public override string ToString() => $"{string.Join(",", Base)}.{Code} ({Type})";
}
