using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Definitions;

/// <summary>
/// One element of a StructureDefinition snapshot, linked to its children. A type's root element
/// ("Patient", "HumanName") and backbone elements ("Observation.component") have children of their own;
/// other elements take their children from their type (see <see cref="StructureDefinitionRegistry.TryGetChild"/>).
/// </summary>
public sealed class ElementDefinitionInfo
{
    private static readonly Dictionary<string, ElementDefinitionInfo> NoChildren = [];
    private static readonly Dictionary<string, (ElementDefinitionInfo, string)> NoJsonNames = [];

    private Dictionary<string, ElementDefinitionInfo> _children = NoChildren;
    private Dictionary<string, (ElementDefinitionInfo Element, string TypeCode)> _jsonNames = NoJsonNames;
    private List<ElementDefinitionInfo>? _orderedChildren;

    internal ElementDefinitionInfo(
        string path,
        IReadOnlyList<ElementTypeInfo> types,
        int min,
        int? max,
        string? contentReference,
        bool isSummary,
        bool isModifier)
    {
        Path = path;
        var lastDot = path.LastIndexOf('.');
        var name = lastDot < 0 ? path : path[(lastDot + 1)..];
        IsChoice = name.EndsWith("[x]", StringComparison.Ordinal);
        Name = IsChoice ? name[..^3] : name;
        Types = types;
        Min = min;
        Max = max;
        ContentReference = contentReference;
        IsSummary = isSummary;
        IsModifier = isModifier;
    }

    /// <summary>"Observation.component.value[x]".</summary>
    public string Path { get; }

    /// <summary>The element name, without the "[x]" of a choice ("value").</summary>
    public string Name { get; }

    public bool IsChoice { get; }

    public IReadOnlyList<ElementTypeInfo> Types { get; }

    public int Min { get; }

    /// <summary>Maximum cardinality; null means "*".</summary>
    public int? Max { get; }

    public bool IsCollection => Max is null or > 1;

    /// <summary>"#Questionnaire.item" for elements that repeat another element's definition.</summary>
    public string? ContentReference { get; }

    public bool IsSummary { get; }

    public bool IsModifier { get; }

    /// <summary>True for roots and backbone elements: they define their own children.</summary>
    public bool HasOwnChildren => _children.Count > 0;

    /// <summary>Children in snapshot order.</summary>
    public IReadOnlyList<ElementDefinitionInfo> Children => _orderedChildren ?? [];

    /// <summary>Own child by element name ("value" finds "value[x]").</summary>
    public bool TryGetOwnChild(string name, [NotNullWhen(true)] out ElementDefinitionInfo? child) =>
        _children.TryGetValue(name, out child);

    /// <summary>Own child by JSON property name ("valueQuantity" finds "value[x]" with type Quantity).</summary>
    public bool TryGetOwnJsonProperty(string jsonName, [NotNullWhen(true)] out ElementDefinitionInfo? child, [NotNullWhen(true)] out string? typeCode)
    {
        if (_jsonNames.TryGetValue(jsonName, out var found))
        {
            (child, typeCode) = found;
            return true;
        }

        child = null;
        typeCode = null;
        return false;
    }

    public override string ToString() => Path;

    internal void AddChild(ElementDefinitionInfo child)
    {
        if (ReferenceEquals(_children, NoChildren))
        {
            _children = new Dictionary<string, ElementDefinitionInfo>(StringComparer.Ordinal);
            _jsonNames = new Dictionary<string, (ElementDefinitionInfo, string)>(StringComparer.Ordinal);
            _orderedChildren = [];
        }

        if (!_children.TryAdd(child.Name, child))
        {
            return;
        }

        _orderedChildren!.Add(child);
        if (child.IsChoice)
        {
            foreach (var type in child.Types)
            {
                _jsonNames[child.Name + char.ToUpperInvariant(type.Code[0]) + type.Code[1..]] = (child, type.Code);
            }
        }
        else
        {
            _jsonNames[child.Name] = (child, child.Types.Count == 1 ? child.Types[0].Code : string.Empty);
        }
    }
}
