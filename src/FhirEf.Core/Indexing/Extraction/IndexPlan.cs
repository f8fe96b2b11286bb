namespace FhirEf.Core.Indexing.Extraction;

/// <summary>Everything the indexer does for one resource type, prepared once: the parameters to evaluate, compartments, full text.</summary>
internal sealed record IndexPlan(
    string ResourceType,
    IReadOnlyList<ParameterPlan> Parameters,
    IReadOnlyList<CompartmentRule> Compartments,
    bool IndexesNarrative,
    bool IndexesContent,
    IReadOnlyList<PlanIssue> Issues);
