using System.Diagnostics;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Validation;

/// <summary>
/// One validation pass over a resource's JSON, driven by the StructureDefinitions: each JSON property
/// is resolved against its parent element, checked for cardinality and JSON kind, and walked into.
/// Collects every issue; single-use, not thread-safe.
/// </summary>
internal sealed class ResourceWalk
{
    private const string ResourceTypeProperty = "resourceType";
    private const string IdElement = "id";
    private const string IdType = "id";

    private readonly ResourceValidator _validator;
    private readonly StructureDefinitionRegistry _structures;
    private readonly int _maxDepth;
    private readonly ValidationPath _path = new();
    private readonly List<ValidationIssue> _issues = [];
    private readonly List<string?[]> _seenByDepth = [];
    private int _depth;
    private bool _reportedTooDeep;

    public ResourceWalk(ResourceValidator validator, StructureDefinitionRegistry structures, int maxDepth)
    {
        _validator = validator;
        _structures = structures;
        _maxDepth = maxDepth;
    }

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    /// <summary>The top-level resource type, once known.</summary>
    public string? ResourceType { get; private set; }

    /// <summary>Validates a top-level resource.</summary>
    public void WalkRoot(JsonElement resource) => WalkResource(resource, expectedType: null);

    private void WalkResource(JsonElement resource, string? expectedType)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            Report(IssueType.Structure, $"a resource must be a JSON object, not {PrimitiveRules.Describe(resource.ValueKind)}");
            return;
        }

        if (!resource.TryGetProperty(ResourceTypeProperty, out var typeProperty))
        {
            Report(IssueType.Required, "resourceType is missing: a resource must say which type it is");
            return;
        }

        _path.PushProperty(ResourceTypeProperty);
        var typeName = typeProperty.ValueKind == JsonValueKind.String ? typeProperty.GetString() : null;
        FhirTypeDefinition? type = null;
        if (typeName is null)
        {
            Report(IssueType.Structure, $"resourceType must be a JSON string, not {PrimitiveRules.Describe(typeProperty.ValueKind)}");
        }
        else if (!_structures.TryGetType(typeName, out type) || type.Kind != FhirTypeKind.Resource)
        {
            Report(IssueType.NotSupported, $"'{typeName}' is not a known resource type");
            type = null;
        }
        else if (type.IsAbstract)
        {
            Report(IssueType.Structure, $"'{typeName}' is abstract: a resource is one of its concrete types");
            type = null;
        }
        else if (expectedType is not null && !_structures.IsSubtypeOf(typeName, expectedType))
        {
            Report(IssueType.Structure, $"a {typeName} is not allowed here: the element expects a {expectedType}");
        }

        _path.Pop();
        if (type is null)
        {
            return;
        }

        if (expectedType is null)
        {
            ResourceType = type.Name;
            _path.Root = type.Name;
        }

        WalkObject(resource, type.Root, isResource: true);
    }

    /// <summary>Walks the properties of an object whose children <paramref name="source"/> defines (a type root or backbone element).</summary>
    private void WalkObject(JsonElement value, ElementDefinitionInfo source, bool isResource)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Report(IssueType.Structure, $"{source.Path} must be a JSON object, not {PrimitiveRules.Describe(value.ValueKind)}");
            return;
        }

        if (!Enter())
        {
            return;
        }

        var shape = _validator.ShapeOf(source);
        var childCount = shape.Children.Count;
        var seen = SeenArray(childCount);
        var empty = true;
        foreach (var property in value.EnumerateObject())
        {
            empty = false;
            var name = property.Name;
            if (isResource && name == ResourceTypeProperty)
            {
                continue;
            }

            _path.PushProperty(name);
            var isExtension = name.Length > 1 && name[0] == '_';
            var jsonName = isExtension ? name[1..] : name;
            if (!_structures.TryResolveJsonProperty(source, jsonName, out var child, out var typeCode))
            {
                ReportUnknown(name, source, isResource);
            }
            else
            {
                if (isResource && child.Name == IdElement)
                {
                    // R4 documents Resource.id as an id, but its snapshots type it System.String with fhir-type string.
                    typeCode = IdType;
                }

                var ordinal = shape.OrdinalOf(child);
                if (MarkSeen(seen, childCount, ordinal, isExtension, typeCode, name, child))
                {
                    if (isExtension)
                    {
                        WalkPrimitiveExtension(value, property.Value, child, typeCode, jsonName);
                    }
                    else
                    {
                        WalkProperty(value, property.Value, child, typeCode, jsonName);
                    }
                }
            }

            _path.Pop();
        }

        if (empty)
        {
            Report(IssueType.Structure, "empty objects are not allowed in FHIR JSON");
        }
        else
        {
            foreach (var ordinal in shape.RequiredOrdinals)
            {
                if (seen[ordinal] is null && seen[childCount + ordinal] is null)
                {
                    var required = shape.Children[ordinal];
                    var name = required.IsChoice ? required.Name + "[x]" : required.Name;
                    _path.PushProperty(name);
                    Report(IssueType.Required, $"{name} is required (minimum cardinality {required.Min}) but missing");
                    _path.Pop();
                }
            }
        }

        Leave();
    }

    /// <summary>
    /// Records a property against its element: the value half in [0, n), the "_" half in [n, 2n).
    /// False (and reported) for a repeated property or a second type of the same choice.
    /// </summary>
    private bool MarkSeen(string?[] seen, int childCount, int ordinal, bool isExtension, string typeCode, string name, ElementDefinitionInfo child)
    {
        var own = isExtension ? childCount + ordinal : ordinal;
        var other = isExtension ? ordinal : childCount + ordinal;
        if (seen[own] is { } earlier)
        {
            Report(IssueType.Structure, earlier == typeCode
                ? $"'{name}' appears more than once"
                : $"only one type of {child.Name}[x] is allowed, but both {earlier} and {typeCode} are present");
            return false;
        }

        if (seen[other] is { } sibling && sibling != typeCode)
        {
            Report(IssueType.Structure, $"only one type of {child.Name}[x] is allowed, but both {sibling} and {typeCode} are present");
            return false;
        }

        seen[own] = typeCode;
        return true;
    }

    private void WalkProperty(JsonElement parent, JsonElement value, ElementDefinitionInfo child, string typeCode, string jsonName)
    {
        if (!child.IsCollection)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueType.Structure, $"{jsonName} does not repeat (maximum cardinality {child.Max}) and must not be a JSON array");
                return;
            }

            WalkValue(value, child, typeCode);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(IssueType.Structure, $"{jsonName} repeats (maximum cardinality {child.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}) and must be a JSON array, not {PrimitiveRules.Describe(value.ValueKind)}");
            return;
        }

        var count = value.GetArrayLength();
        if (count == 0)
        {
            Report(IssueType.Structure, "empty arrays are not allowed in FHIR JSON");
            return;
        }

        if (child.Max is { } max && count > max)
        {
            Report(IssueType.Structure, $"{jsonName} has {count} items; the maximum cardinality is {max}");
        }

        if (!Enter())
        {
            return;
        }

        var isPrimitive = _structures.IsPrimitive(typeCode);
        var extensions = isPrimitive ? SiblingArray(parent, "_" + jsonName) : default;
        if (extensions.ValueKind == JsonValueKind.Array && extensions.GetArrayLength() != count)
        {
            Report(IssueType.Structure, $"{jsonName} has {count} items but _{jsonName} has {extensions.GetArrayLength()}: they must pair up one to one");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            _path.PushIndex(index);
            if (item.ValueKind == JsonValueKind.Null)
            {
                if (!HasNonNullItem(extensions, index))
                {
                    Report(IssueType.Structure, isPrimitive
                        ? $"null is only allowed in {jsonName} where _{jsonName} has an object at the same index"
                        : "null is not allowed in FHIR JSON");
                }
            }
            else
            {
                WalkValue(item, child, typeCode);
            }

            _path.Pop();
            index++;
        }

        Leave();
    }

    /// <summary>A "_name" sibling: the id and extensions of a primitive (FHIR JSON §2.6.2.1), walked as an Element.</summary>
    private void WalkPrimitiveExtension(JsonElement parent, JsonElement value, ElementDefinitionInfo child, string typeCode, string jsonName)
    {
        if (!_structures.IsPrimitive(typeCode))
        {
            Report(IssueType.Structure, $"_{jsonName} is only allowed for primitive elements, and {jsonName} is a {DescribeType(child, typeCode)}");
            return;
        }

        var element = _validator.ElementRootOf(typeCode);
        if (!child.IsCollection)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueType.Structure, $"_{jsonName} does not repeat and must not be a JSON array");
            }
            else
            {
                WalkObject(value, element, isResource: false);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Report(IssueType.Structure, $"_{jsonName} pairs with a repeating element and must be a JSON array, not {PrimitiveRules.Describe(value.ValueKind)}");
            return;
        }

        if (value.GetArrayLength() == 0)
        {
            Report(IssueType.Structure, "empty arrays are not allowed in FHIR JSON");
            return;
        }

        if (!Enter())
        {
            return;
        }

        var values = SiblingArray(parent, jsonName);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            _path.PushIndex(index);
            if (item.ValueKind == JsonValueKind.Null)
            {
                if (!HasNonNullItem(values, index))
                {
                    Report(IssueType.Structure, $"null is only allowed in _{jsonName} where {jsonName} has a value at the same index");
                }
            }
            else
            {
                WalkObject(item, element, isResource: false);
            }

            _path.Pop();
            index++;
        }

        Leave();
    }

    private void WalkValue(JsonElement value, ElementDefinitionInfo child, string typeCode)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(IssueType.Structure, "null is not allowed in FHIR JSON");
            return;
        }

        if (child.HasOwnChildren || child.ContentReference is not null)
        {
            if (_structures.ChildSource(child) is { } backbone)
            {
                WalkObject(value, backbone, isResource: false);
            }
            else
            {
                Report(IssueType.NotSupported, $"the definitions do not describe the children of {child.Path}");
            }

            return;
        }

        if (!_structures.TryGetType(typeCode, out var type))
        {
            Report(IssueType.NotSupported, $"the definitions do not describe the type '{typeCode}' of {child.Path}");
            return;
        }

        switch (type.Kind)
        {
            case FhirTypeKind.PrimitiveType:
                if (PrimitiveRules.Check(value, _validator.PrimitiveKindOf(typeCode), typeCode) is { } problem)
                {
                    Report(problem.Code, problem.Message, problem.Severity);
                }

                break;
            case FhirTypeKind.Resource:
                WalkResource(value, typeCode);
                break;
            default:
                WalkObject(value, type.Root, isResource: false);
                break;
        }
    }

    private void ReportUnknown(string name, ElementDefinitionInfo source, bool isResource)
    {
        if (name == ResourceTypeProperty && !isResource)
        {
            Report(IssueType.Structure, "resourceType is only allowed where a resource is expected");
            return;
        }

        var owner = source.Path;
        var baseName = name.TrimStart('_');
        foreach (var candidate in source.Children)
        {
            if (!candidate.IsChoice || !baseName.StartsWith(candidate.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (baseName.Length == candidate.Name.Length)
            {
                Report(IssueType.Structure, $"'{name}' is not an element of {owner}: {candidate.Name}[x] is written with its type in the name, as in {candidate.Name}{Capitalized(candidate.Types[0].Code)}");
                return;
            }

            if (char.IsAsciiLetterUpper(baseName[candidate.Name.Length]))
            {
                Report(IssueType.Structure, $"'{name}' is not an element of {owner}: {candidate.Name}[x] allows {string.Join(", ", candidate.Types.Select(t => t.Code))}");
                return;
            }
        }

        Report(IssueType.Structure, $"'{name}' is not an element of {owner}");
    }

    private static string Capitalized(string typeCode) => char.ToUpperInvariant(typeCode[0]) + typeCode[1..];

    private static string DescribeType(ElementDefinitionInfo child, string typeCode) =>
        child.HasOwnChildren ? "backbone element" : typeCode;

    private static JsonElement SiblingArray(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var sibling) && sibling.ValueKind == JsonValueKind.Array ? sibling : default;

    private static bool HasNonNullItem(JsonElement array, int index) =>
        array.ValueKind == JsonValueKind.Array && index < array.GetArrayLength() && array[index].ValueKind != JsonValueKind.Null;

    /// <summary>Enters one JSON container; past <c>MaxDepth</c> reports once and stops descending.</summary>
    private bool Enter()
    {
        if (++_depth <= _maxDepth)
        {
            return true;
        }

        _depth--;
        if (!_reportedTooDeep)
        {
            _reportedTooDeep = true;
            Report(IssueType.TooCostly, $"the JSON nests deeper than {_maxDepth} levels", IssueSeverity.Fatal);
        }

        return false;
    }

    private void Leave()
    {
        Debug.Assert(_depth > 0, "Leave without Enter");
        _depth--;
    }

    /// <summary>A cleared array for the properties of an object at the current depth (two slots per child), reused across siblings.</summary>
    private string?[] SeenArray(int childCount)
    {
        while (_seenByDepth.Count < _depth)
        {
            _seenByDepth.Add([]);
        }

        var seen = _seenByDepth[_depth - 1];
        if (seen.Length < childCount * 2)
        {
            seen = new string?[Math.Max(childCount * 2, 16)];
            _seenByDepth[_depth - 1] = seen;
        }
        else
        {
            Array.Clear(seen, 0, childCount * 2);
        }

        return seen;
    }

    private void Report(IssueType code, string message, IssueSeverity severity = IssueSeverity.Error) =>
        _issues.Add(new ValidationIssue(severity, code, _path.ToFhirPath(), message) { JsonPointer = _path.ToJsonPointer() });
}
