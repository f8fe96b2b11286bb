using System.Collections.Concurrent;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Validation;

/// <summary>
/// What the walk needs to know about the children of one element (a type root, a backbone element):
/// a dense ordinal per child, so that the properties seen in one JSON object fit a small array; the
/// children with min ≥ 1; and the property names resolved so far. Shared across threads.
/// </summary>
internal sealed class ObjectShape
{
    private readonly Dictionary<ElementDefinitionInfo, int> _ordinals;
    private readonly ConcurrentDictionary<string, PropertyBinding> _bindings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PropertyBinding>.AlternateLookup<ReadOnlySpan<char>> _bindingsBySpan;

    public ObjectShape(ElementDefinitionInfo source, bool isResourceRoot)
    {
        Source = source;
        IsResourceRoot = isResourceRoot;
        Children = source.Children;
        _ordinals = new Dictionary<ElementDefinitionInfo, int>(Children.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Children.Count; i++)
        {
            _ordinals[Children[i]] = i;
        }

        RequiredOrdinals = [.. Enumerable.Range(0, Children.Count).Where(i => Children[i].Min >= 1)];
        _bindingsBySpan = _bindings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ElementDefinitionInfo Source { get; }

    /// <summary>True for the root of a resource type: its objects carry resourceType, and its id is an id.</summary>
    public bool IsResourceRoot { get; }

    public IReadOnlyList<ElementDefinitionInfo> Children { get; }

    public int[] RequiredOrdinals { get; }

    public int OrdinalOf(ElementDefinitionInfo child) => _ordinals[child];

    public bool TryGetBinding(ReadOnlySpan<char> name, out PropertyBinding binding) => _bindingsBySpan.TryGetValue(name, out binding!);

    public bool TryGetBinding(string name, out PropertyBinding binding) => _bindings.TryGetValue(name, out binding!);

    /// <summary>Caches a binding of a known element (unknown names are never cached, so hostile input cannot grow the cache).</summary>
    public PropertyBinding Add(PropertyBinding binding) => _bindings.GetOrAdd(binding.Name, binding);
}
