using FhirEf.Core.Definitions;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>How one search parameter is extracted from one resource type.</summary>
/// <param name="Parameter">The SearchParameter.</param>
/// <param name="Expression">The union branches of its expression that apply to the type (<see cref="UnionBranchPruner"/>), each prepared.</param>
/// <param name="IsStored">Whether storage keeps its values (false for a parameter only compartments need).</param>
/// <param name="Components">For a composite, its components in the SearchParameter's order; empty otherwise.</param>
internal sealed record ParameterPlan(
    SearchParameterInfo Parameter,
    PlannedExpression Expression,
    bool IsStored,
    IReadOnlyList<CompositeComponentPlan> Components)
{
    public string Code => Parameter.Code;

    public SearchParamType Type => Parameter.Type;
}
