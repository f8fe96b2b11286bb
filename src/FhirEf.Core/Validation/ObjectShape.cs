using FhirEf.Core.Definitions;

namespace FhirEf.Core.Validation;

/// <summary>
/// What the walk needs to know about the children of one element (a type root, a backbone element):
/// a dense ordinal per child, so that the properties seen in one JSON object fit a small array, and
/// the children with min ≥ 1.
/// </summary>
internal sealed class ObjectShape
{
    private readonly Dictionary<ElementDefinitionInfo, int> _ordinals;

    public ObjectShape(ElementDefinitionInfo source)
    {
        Children = source.Children;
        _ordinals = new Dictionary<ElementDefinitionInfo, int>(Children.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Children.Count; i++)
        {
            _ordinals[Children[i]] = i;
        }

        RequiredOrdinals = [.. Enumerable.Range(0, Children.Count).Where(i => Children[i].Min >= 1)];
    }

    public IReadOnlyList<ElementDefinitionInfo> Children { get; }

    public IReadOnlyList<int> RequiredOrdinals { get; }

    public int OrdinalOf(ElementDefinitionInfo child) => _ordinals[child];
}
