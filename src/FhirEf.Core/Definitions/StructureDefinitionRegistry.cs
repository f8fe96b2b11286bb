using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Definitions;

/// <summary>The resource and data types of the loaded StructureDefinitions, by name.</summary>
public sealed class StructureDefinitionRegistry
{
    private readonly FrozenDictionary<string, FhirTypeDefinition> _types;

    internal StructureDefinitionRegistry(IEnumerable<FhirTypeDefinition> types)
    {
        _types = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        ResourceTypes = [.. _types.Values
            .Where(t => t.Kind == FhirTypeKind.Resource && !t.IsAbstract)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Concrete resource types, sorted (146 in R4).</summary>
    public IReadOnlyList<string> ResourceTypes { get; }

    public IEnumerable<FhirTypeDefinition> Types => _types.Values;

    public bool TryGetType(string name, [NotNullWhen(true)] out FhirTypeDefinition? type) =>
        _types.TryGetValue(name, out type);

    public FhirTypeDefinition GetType(string name) =>
        _types.TryGetValue(name, out var type) ? type : throw new KeyNotFoundException($"Unknown FHIR type '{name}'.");

    /// <summary>Resource types including the abstract Resource and DomainResource.</summary>
    public bool IsResourceType(string name) => _types.TryGetValue(name, out var type) && type.Kind == FhirTypeKind.Resource;

    public bool IsConcreteResourceType(string name) =>
        _types.TryGetValue(name, out var type) && type.Kind == FhirTypeKind.Resource && !type.IsAbstract;

    public bool IsPrimitive(string name) => _types.TryGetValue(name, out var type) && type.Kind == FhirTypeKind.PrimitiveType;

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or specialises it (Patient ⊂ DomainResource ⊂ Resource, Age ⊂ Quantity, code ⊂ string).</summary>
    public bool IsSubtypeOf(string type, string baseType)
    {
        for (var current = type; current is not null;)
        {
            if (string.Equals(current, baseType, StringComparison.Ordinal))
            {
                return true;
            }

            current = _types.TryGetValue(current, out var definition) ? definition.BaseType : null;
        }

        return false;
    }

    /// <summary>
    /// The child named <paramref name="name"/> ("value" finds "value[x]") of a type's root, a backbone
    /// element, an element repeating another (contentReference), or an element with a single complex type.
    /// </summary>
    public bool TryGetChild(ElementDefinitionInfo parent, string name, [NotNullWhen(true)] out ElementDefinitionInfo? child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        child = null;
        return ChildSource(parent) is { } source && source.TryGetOwnChild(name, out child);
    }

    /// <summary>
    /// The child a JSON property names, with the type the name implies: "valueQuantity" is "value[x]"
    /// as Quantity; a non-choice child gets its only type (empty when it has several).
    /// </summary>
    public bool TryResolveJsonProperty(
        ElementDefinitionInfo parent,
        string jsonName,
        [NotNullWhen(true)] out ElementDefinitionInfo? child,
        [NotNullWhen(true)] out string? typeCode)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (ChildSource(parent) is { } source)
        {
            return source.TryGetOwnJsonProperty(jsonName, out child, out typeCode);
        }

        child = null;
        typeCode = null;
        return false;
    }

    /// <summary>The element whose own children describe <paramref name="element"/>'s children.</summary>
    public ElementDefinitionInfo? ChildSource(ElementDefinitionInfo element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.HasOwnChildren)
        {
            return element;
        }

        if (element.ContentReference is { } reference)
        {
            var path = reference.TrimStart('#');
            var typeName = path.Split('.')[0];
            return _types.TryGetValue(typeName, out var owner) && owner.TryGetElement(path, out var target) ? target : null;
        }

        return element.Types.Count == 1 && _types.TryGetValue(element.Types[0].Code, out var type) ? type.Root : null;
    }
}
