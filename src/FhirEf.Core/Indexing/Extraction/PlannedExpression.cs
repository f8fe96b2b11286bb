using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// A parameter's or component's expression as the union branches that apply to the resource type, each
/// evaluated on its own (<see cref="PlannedBranch"/>) and their results concatenated. Unlike the FHIRPath
/// union it keeps equal items from different branches (storage keeps distinct values anyway), which spares
/// the union's comparison of every item with every other — quadratic on a resource with thousands of
/// components.
/// </summary>
internal sealed class PlannedExpression
{
    public PlannedExpression(IReadOnlyList<PlannedBranch> branches)
    {
        Branches = branches;
        Text = string.Join(" | ", branches.Select(b => b.Compiled.Expression));
    }

    public IReadOnlyList<PlannedBranch> Branches { get; }

    /// <summary>The branches as FHIRPath, joined by <c>|</c>.</summary>
    public string Text { get; }

    /// <summary>Replaces the content of <paramref name="items"/> with the expression's result on <paramref name="focus"/>.</summary>
    /// <exception cref="FhirPath.FhirPathException">The engine's evaluation of a branch failed.</exception>
    public void Evaluate(ElementNode focus, List<object> items)
    {
        items.Clear();
        foreach (var branch in Branches)
        {
            branch.Evaluate(focus, items);
        }
    }
}
