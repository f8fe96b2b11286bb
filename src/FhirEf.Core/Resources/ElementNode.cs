using System.Diagnostics;
using System.Text.Json;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Resources;

/// <summary>
/// An immutable, navigable tree over a FHIR resource in JSON: each node has a name, a FHIR type, an
/// optional primitive value and children. It is the object model FHIRPath navigates, and the shape a
/// validator can walk.
/// </summary>
/// <remarks>
/// <para>The JSON representation is folded back into the FHIR element model:</para>
/// <list type="bullet">
/// <item>a choice property (<c>valueQuantity</c>) becomes a child named <c>value</c> of type <c>Quantity</c>;</item>
/// <item>a primitive and its <c>_name</c> sibling become one node: the value from <c>name</c>, the
/// <c>id</c> and <c>extension</c> children from <c>_name</c> (for arrays, item by item, where either side may be null);</item>
/// <item>a resource inside another (<c>contained</c>, <c>Bundle.entry.resource</c>) is typed by its <c>resourceType</c>;</item>
/// <item>decimals are never converted through <see cref="double"/>: <see cref="Json"/> keeps the original text.</item>
/// </list>
/// <para>With a <see cref="StructureDefinitionRegistry"/> nodes carry their FHIR type and element
/// definition; without one (or for properties the definitions do not know) they carry the JSON name
/// and no type. Children are read from the JSON on first use and then kept, so a node can be shared
/// between threads. The <see cref="JsonDocument"/> behind the <see cref="JsonElement"/> must outlive the tree.</para>
/// </remarks>
[DebuggerDisplay("{Location,nq} : {TypeName,nq}")]
public sealed class ElementNode
{
    private static readonly ElementNode[] NoNodes = [];
    private static readonly ChildIndex NoChildren = new(NoNodes, []);

    [ThreadStatic]
    private static List<ElementNode>? t_scratch;

    private readonly StructureDefinitionRegistry? _structures;
    private readonly JsonElement _primitiveExtension;
    private readonly string? _referencedId;
    private ChildIndex? _children;
    private string? _location;
    private ElementDefinitionInfo? _childScope;
    private bool _childScopeKnown;

    private ElementNode(
        ElementNode? parent,
        string name,
        string jsonName,
        int arrayIndex,
        string? typeName,
        ElementDefinitionInfo? definition,
        JsonElement json,
        JsonElement primitiveExtension,
        bool isResource,
        StructureDefinitionRegistry? structures,
        string? referencedId = null)
    {
        Parent = parent;
        Name = name;
        JsonName = jsonName;
        ArrayIndex = arrayIndex;
        TypeName = typeName;
        Definition = definition;
        Json = json;
        _primitiveExtension = primitiveExtension;
        IsResource = isResource;
        _structures = structures;
        _referencedId = referencedId;
    }

    /// <summary>The element name, without a choice type suffix ("value" for <c>valueQuantity</c>); the resource type for a root.</summary>
    public string Name { get; }

    /// <summary>The JSON property the node was read from ("valueQuantity"); the resource type for a root.</summary>
    public string JsonName { get; }

    /// <summary>The FHIR type code ("Quantity", "code", "Patient", "BackboneElement"); null when not known.</summary>
    public string? TypeName { get; }

    /// <summary>The element definition the node conforms to; null for roots and for elements the definitions do not know.</summary>
    public ElementDefinitionInfo? Definition { get; }

    public ElementNode? Parent { get; }

    /// <summary>The position in the JSON array the node came from, or -1 when the property is not an array.</summary>
    public int ArrayIndex { get; }

    /// <summary>True for a resource: a root, a contained resource, a Bundle entry's resource.</summary>
    public bool IsResource { get; }

    /// <summary>
    /// The JSON of the node: the object of a resource or complex element, the string, number or
    /// boolean token of a primitive (its exact text is <see cref="JsonElement.GetRawText"/>), or
    /// <see cref="JsonValueKind.Undefined"/> for a primitive that only has an id or extensions.
    /// </summary>
    public JsonElement Json { get; }

    /// <summary>Whether the node carries a primitive value (a string, number or boolean).</summary>
    public bool HasPrimitiveValue => Json.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    /// <summary>The resource id of a resource node; for a node made by <see cref="ForReferencedResource"/>, the referenced id.</summary>
    public string? ResourceId => IsResource
        ? _referencedId ?? (Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
        : null;

    /// <summary>The definitions the node was typed with; null for an untyped tree.</summary>
    internal StructureDefinitionRegistry? Structures => _structures;

    /// <summary>A FHIRPath-style path to the node: <c>Observation.component[1].valueQuantity</c>.</summary>
    public string Location => _location ??= Parent is null
        ? JsonName
        : ArrayIndex >= 0 ? $"{Parent.Location}.{JsonName}[{ArrayIndex}]" : $"{Parent.Location}.{JsonName}";

    /// <summary>All children in JSON order (repeating elements in array order).</summary>
    public IReadOnlyList<ElementNode> Children => Index.All;

    /// <summary>The children named <paramref name="name"/> (element names: "value", not "valueQuantity").</summary>
    public IReadOnlyList<ElementNode> ChildrenNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ChildSegment(name);
    }

    /// <summary>The root of a resource in JSON; its type comes from <c>resourceType</c>.</summary>
    public static ElementNode FromResource(JsonElement resource, StructureDefinitionRegistry? structures)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("resourceType", out var type)
            || type.ValueKind != JsonValueKind.String
            || type.GetString() is not { Length: > 0 } resourceType)
        {
            throw new ArgumentException("A FHIR resource in JSON is an object with a string 'resourceType'.", nameof(resource));
        }

        return new ElementNode(null, resourceType, resourceType, -1, resourceType, null, resource, default, isResource: true, structures);
    }

    /// <summary>The root of any FHIR value in JSON, of the given type (null when unknown): a data type, a backbone-free element.</summary>
    public static ElementNode FromJson(JsonElement json, string? typeName, StructureDefinitionRegistry? structures, string? name = null)
    {
        var isResource = typeName is not null && structures?.IsResourceType(typeName) == true;
        var rootName = name ?? typeName ?? "value";
        return new ElementNode(null, rootName, rootName, -1, typeName, null, json, default, isResource, structures);
    }

    /// <summary>
    /// A resource known only by its type and id, for what <c>resolve()</c> returns when the target of a
    /// reference is not at hand. It has no children except <c>id</c>.
    /// </summary>
    public static ElementNode ForReferencedResource(string resourceType, string? id, StructureDefinitionRegistry? structures)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        return new ElementNode(null, resourceType, resourceType, -1, resourceType, null, default, default, isResource: true, structures, id ?? string.Empty);
    }

    public override string ToString() => Location;

    /// <summary>The children named <paramref name="name"/>: a segment of the shared child array (never modify it).</summary>
    internal ArraySegment<ElementNode> ChildSegment(string name)
    {
        var index = Index;
        foreach (var group in index.Groups)
        {
            if (string.Equals(group.Name, name, StringComparison.Ordinal))
            {
                return new ArraySegment<ElementNode>(index.All, group.Start, group.Count);
            }
        }

        return ArraySegment<ElementNode>.Empty;
    }

    private ChildIndex Index => _children ?? BuildIndex();

    private ChildIndex BuildIndex()
    {
        var children = t_scratch ??= [];
        children.Clear();
        if (_referencedId is { Length: > 0 })
        {
            var idJson = JsonSerializer.SerializeToElement(_referencedId);
            children.Add(new ElementNode(this, "id", "id", -1, "id", null, idJson, default, isResource: false, _structures));
        }
        else if (Json.ValueKind == JsonValueKind.Object)
        {
            AddChildrenOf(Json, children);
        }
        else if (_primitiveExtension.ValueKind == JsonValueKind.Object)
        {
            AddChildrenOf(_primitiveExtension, children);
        }

        var index = children.Count == 0 ? NoChildren : ChildIndex.Create(children);
        children.Clear();
        return Interlocked.CompareExchange(ref _children, index, null) ?? index;
    }

    private void AddChildrenOf(JsonElement json, List<ElementNode> children)
    {
        var scope = ChildScope();
        var hasPrimitiveExtensions = false;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.StartsWith('_'))
            {
                hasPrimitiveExtensions = true;
                break;
            }
        }

        foreach (var property in json.EnumerateObject())
        {
            var jsonName = property.Name;
            if ((IsResource && jsonName == "resourceType") || jsonName == "fhir_comments")
            {
                continue;
            }

            var extension = default(JsonElement);
            if (jsonName.StartsWith('_'))
            {
                var valueName = jsonName[1..];
                if (valueName.Length == 0 || json.TryGetProperty(valueName, out _))
                {
                    continue; // read together with its value
                }

                jsonName = valueName;
                extension = property.Value;
                AddProperty(jsonName, default, extension, scope, children);
                continue;
            }

            if (hasPrimitiveExtensions)
            {
                json.TryGetProperty("_" + jsonName, out extension);
            }

            AddProperty(jsonName, property.Value, extension, scope, children);
        }
    }

    private void AddProperty(string jsonName, JsonElement value, JsonElement extension, ElementDefinitionInfo? scope, List<ElementNode> children)
    {
        string name = jsonName;
        string? typeName = null;
        ElementDefinitionInfo? definition = null;
        if (scope is not null && _structures!.TryResolveJsonProperty(scope, jsonName, out var element, out var typeCode))
        {
            definition = element;
            name = element.Name;
            typeName = typeCode.Length > 0 ? typeCode : null;
        }

        if (value.ValueKind == JsonValueKind.Array || extension.ValueKind == JsonValueKind.Array)
        {
            var count = Math.Max(
                value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0,
                extension.ValueKind == JsonValueKind.Array ? extension.GetArrayLength() : 0);
            for (var i = 0; i < count; i++)
            {
                var item = value.ValueKind == JsonValueKind.Array && i < value.GetArrayLength() ? value[i] : default;
                var itemExtension = extension.ValueKind == JsonValueKind.Array && i < extension.GetArrayLength() ? extension[i] : default;
                if (item.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined && itemExtension.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    continue;
                }

                children.Add(CreateChild(name, jsonName, i, typeName, definition, item, itemExtension));
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Null && extension.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return;
        }

        children.Add(CreateChild(name, jsonName, -1, typeName, definition, value, extension));
    }

    private ElementNode CreateChild(string name, string jsonName, int arrayIndex, string? typeName, ElementDefinitionInfo? definition, JsonElement value, JsonElement extension)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            value = default;
        }

        var isResource = false;
        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("resourceType", out var resourceType)
            && resourceType.ValueKind == JsonValueKind.String
            && (typeName is null || _structures?.IsResourceType(typeName) == true))
        {
            // contained, Bundle.entry.resource, Parameters.parameter.resource: typed by the resource itself.
            typeName = resourceType.GetString();
            isResource = true;
        }

        return new ElementNode(this, name, jsonName, arrayIndex, typeName, definition, value, extension.ValueKind == JsonValueKind.Object ? extension : default, isResource, _structures);
    }

    /// <summary>The element definition whose own children describe this node's children; null when untyped.</summary>
    internal ElementDefinitionInfo? ChildScope()
    {
        if (!Volatile.Read(ref _childScopeKnown))
        {
            _childScope = FindChildScope();
            Volatile.Write(ref _childScopeKnown, true);
        }

        return _childScope;
    }

    private ElementDefinitionInfo? FindChildScope()
    {
        if (_structures is null)
        {
            return null;
        }

        if (!IsResource && Definition is not null && (Definition.HasOwnChildren || Definition.ContentReference is not null))
        {
            return _structures.ChildSource(Definition);
        }

        return TypeName is not null && _structures.TryGetType(TypeName, out var type) ? type.Root : null;
    }

    /// <summary>All children in one array, with the run of each name: one allocation per node for any number of names.</summary>
    private sealed class ChildIndex(ElementNode[] all, ChildGroup[] groups)
    {
        public ElementNode[] All { get; } = all;

        public ChildGroup[] Groups { get; } = groups;

        /// <summary>Groups the children by name, in order of first appearance (a name normally comes from one JSON property, so runs are already contiguous).</summary>
        public static ChildIndex Create(List<ElementNode> children)
        {
            var groups = new List<ChildGroup>();
            var contiguous = true;
            for (var i = 0; i < children.Count; i++)
            {
                var name = children[i].Name;
                if (groups.Count > 0 && groups[^1].Name == name)
                {
                    groups[^1] = groups[^1] with { Count = groups[^1].Count + 1 };
                    continue;
                }

                foreach (var group in groups)
                {
                    contiguous &= group.Name != name;
                }

                groups.Add(new ChildGroup(name, i, 1));
            }

            if (contiguous)
            {
                return new ChildIndex([.. children], [.. groups]);
            }

            // The same element from two JSON properties (valueString and valueQuantity): gather each name's nodes.
            var ordered = new List<ElementNode>(children.Count);
            var merged = new List<ChildGroup>();
            foreach (var name in children.Select(c => c.Name).Distinct())
            {
                var start = ordered.Count;
                ordered.AddRange(children.Where(c => c.Name == name));
                merged.Add(new ChildGroup(name, start, ordered.Count - start));
            }

            return new ChildIndex([.. ordered], [.. merged]);
        }
    }

    private readonly record struct ChildGroup(string Name, int Start, int Count);
}
