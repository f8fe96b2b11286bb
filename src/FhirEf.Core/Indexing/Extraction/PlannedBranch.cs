using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Syntax;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// One union branch of a parameter's or component's expression, prepared for speed without changing its
/// result:
/// <list type="bullet">
/// <item>plain navigation is walked directly over the element tree (<see cref="ElementPath"/>);</item>
/// <item>a branch that is a path through steps that give nothing for nothing (<c>Observation.method</c>,
/// <c>Observation.subject.where(resolve() is Patient)</c>, <c>value.as(Quantity)</c>) is not evaluated at
/// all when the focus lacks the element it starts with (<see cref="FirstElement"/>) — most of a type's
/// parameters name elements a given resource does not have. Branches that can produce values from nothing
/// (<c>Patient.deceased.exists() and …</c>) are always evaluated.</item>
/// </list>
/// </summary>
internal sealed class PlannedBranch
{
    /// <summary>Functions that give an empty collection for an empty input.</summary>
    private static readonly HashSet<string> EmptyPreserving = new(StringComparer.Ordinal)
    {
        "where", "select", "as", "ofType", "resolve", "first", "last", "single", "tail", "skip", "take",
        "distinct", "extension", "repeat", "children", "descendants", "trace",
    };

    private PlannedBranch(CompiledFhirPath compiled, ElementPath? path, string? firstElement)
    {
        Compiled = compiled;
        Path = path;
        FirstElement = firstElement;
    }

    public CompiledFhirPath Compiled { get; }

    /// <summary>The direct walk, or null when the FHIRPath engine evaluates the branch.</summary>
    public ElementPath? Path { get; }

    /// <summary>The element of the focus the branch starts from, when the branch gives nothing without it; null when it must always be evaluated.</summary>
    public string? FirstElement { get; }

    public static PlannedBranch Create(CompiledFhirPath compiled, StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return new PlannedBranch(compiled, ElementPath.TryCreate(compiled.Syntax, structures), FindFirstElement(compiled.Syntax, structures));
    }

    /// <summary>Appends the branch's result on <paramref name="focus"/> to <paramref name="items"/>.</summary>
    /// <exception cref="FhirPath.FhirPathException">The engine's evaluation failed.</exception>
    public void Evaluate(ElementNode focus, List<object> items)
    {
        if (FirstElement is not null && focus.ChildSegment(FirstElement).Count == 0)
        {
            return;
        }

        if (Path is not null)
        {
            Path.Evaluate(focus, items);
            return;
        }

        foreach (var item in Compiled.Evaluate(focus))
        {
            items.Add(item);
        }
    }

    private static string? FindFirstElement(ExpressionNode node, StructureDefinitionRegistry structures) => node switch
    {
        MemberExpression { Target: IdentifierExpression start } member when IsTypeName(start.Name, structures) =>
            structures.IsResourceType(start.Name) ? member.Name : null,
        MemberExpression member => FindFirstElement(member.Target, structures),
        IdentifierExpression start when !IsTypeName(start.Name, structures) => start.Name,
        IndexerExpression indexer => FindFirstElement(indexer.Target, structures),
        TypeOperationExpression { Operator: TypeOperator.As } cast => FindFirstElement(cast.Operand, structures),
        FunctionCallExpression { Target: { } target } call when EmptyPreserving.Contains(call.Name) => FindFirstElement(target, structures),
        _ => null,
    };

    /// <summary>The engine's rule: an identifier that starts with a capital and names a type tests the focus's type.</summary>
    private static bool IsTypeName(string name, StructureDefinitionRegistry structures) =>
        name.Length > 0 && char.IsUpper(name[0]) && structures.TryGetType(name, out _);
}
