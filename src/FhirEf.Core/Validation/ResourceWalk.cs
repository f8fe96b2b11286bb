using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
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
    private const int MaxStackName = 64;

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

        WalkObject(resource, _validator.ShapeOf(type.Root));
    }

    /// <summary>Walks the properties of an object whose children <paramref name="shape"/> describes (a type root, a backbone element, Element).</summary>
    private void WalkObject(JsonElement value, ObjectShape shape)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Report(IssueType.Structure, $"{shape.Source.Path} must be a JSON object, not {PrimitiveRules.Describe(value.ValueKind)}");
            return;
        }

        if (!Enter())
        {
            return;
        }

        var childCount = shape.Children.Count;
        var seen = SeenArray(childCount);
        var empty = true;
        foreach (var property in value.EnumerateObject())
        {
            empty = false;
            var binding = Bind(shape, property, out var name);
            if (binding is null)
            {
                if (!(shape.IsResourceRoot && name == ResourceTypeProperty))
                {
                    _path.PushProperty(name);
                    ReportUnknown(name, shape);
                    _path.Pop();
                }

                continue;
            }

            _path.PushProperty(binding.Name);
            if (MarkSeen(seen, childCount, binding))
            {
                if (binding.IsExtension)
                {
                    WalkPrimitiveExtension(value, property.Value, binding);
                }
                else
                {
                    WalkProperty(value, property.Value, binding);
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
            ReportMissingRequired(shape, seen);
        }

        Leave();
    }

    /// <summary>The binding of a property, found without allocating for the names seen before; otherwise null and the name.</summary>
    private PropertyBinding? Bind(ObjectShape shape, JsonProperty property, out string name)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= MaxStackName && !raw.Contains((byte)'\\'))
        {
            Span<char> chars = stackalloc char[MaxStackName];
            if (shape.TryGetBinding(chars[..Encoding.UTF8.GetChars(raw, chars)], out var cached))
            {
                name = cached.Name;
                return cached;
            }
        }

        name = property.Name;
        return _validator.Bind(shape, name);
    }

    private void ReportMissingRequired(ObjectShape shape, string?[] seen)
    {
        var childCount = shape.Children.Count;
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

    /// <summary>
    /// Records a property against its element: the value half in [0, n), the "_" half in [n, 2n).
    /// False (and reported) for a repeated property or a second type of the same choice.
    /// </summary>
    private bool MarkSeen(string?[] seen, int childCount, PropertyBinding binding)
    {
        var own = binding.IsExtension ? childCount + binding.Ordinal : binding.Ordinal;
        var other = binding.IsExtension ? binding.Ordinal : childCount + binding.Ordinal;
        var typeCode = binding.TypeCode;
        if (seen[own] is { } earlier)
        {
            Report(IssueType.Structure, earlier == typeCode
                ? $"'{binding.Name}' appears more than once"
                : $"only one type of {binding.Child.Name}[x] is allowed, but both {earlier} and {typeCode} are present");
            return false;
        }

        if (seen[other] is { } sibling && sibling != typeCode)
        {
            Report(IssueType.Structure, $"only one type of {binding.Child.Name}[x] is allowed, but both {sibling} and {typeCode} are present");
            return false;
        }

        seen[own] = typeCode;
        return true;
    }

    private void WalkProperty(JsonElement parent, JsonElement value, PropertyBinding binding)
    {
        var child = binding.Child;
        var jsonName = binding.JsonName;
        if (!child.IsCollection)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueType.Structure, $"{jsonName} does not repeat (maximum cardinality {child.Max}) and must not be a JSON array");
                return;
            }

            WalkValue(value, binding);
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

        var isPrimitive = binding.Target == BindingTarget.Primitive;
        var extensions = isPrimitive ? SiblingArray(parent, binding.SiblingName) : default;
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
                WalkValue(item, binding);
            }

            _path.Pop();
            index++;
        }

        Leave();
    }

    /// <summary>A "_name" sibling: the id and extensions of a primitive (R4 json.html#primitive), walked as an Element.</summary>
    private void WalkPrimitiveExtension(JsonElement parent, JsonElement value, PropertyBinding binding)
    {
        var jsonName = binding.JsonName;
        if (binding.Target != BindingTarget.Object)
        {
            var type = binding.Child.HasOwnChildren ? "backbone element" : binding.TypeCode;
            Report(IssueType.Structure, $"_{jsonName} is only allowed for primitive elements, and {jsonName} is a {type}");
            return;
        }

        var element = binding.ObjectShape!;
        if (!binding.Child.IsCollection)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                Report(IssueType.Structure, $"_{jsonName} does not repeat and must not be a JSON array");
            }
            else
            {
                WalkObject(value, element);
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

        var values = SiblingArray(parent, binding.SiblingName);
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
                WalkObject(item, element);
            }

            _path.Pop();
            index++;
        }

        Leave();
    }

    private void WalkValue(JsonElement value, PropertyBinding binding)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            Report(IssueType.Structure, "null is not allowed in FHIR JSON");
            return;
        }

        switch (binding.Target)
        {
            case BindingTarget.Primitive:
                if (PrimitiveRules.Check(value, binding.PrimitiveKind, binding.TypeCode) is { } problem)
                {
                    Report(problem.Code, problem.Message, problem.Severity);
                }

                break;
            case BindingTarget.Object:
                WalkObject(value, binding.ObjectShape!);
                break;
            case BindingTarget.Resource:
                WalkResource(value, binding.TypeCode);
                break;
            default:
                Report(IssueType.NotSupported, $"the definitions do not describe the type '{binding.TypeCode}' of {binding.Child.Path}");
                break;
        }
    }

    private void ReportUnknown(string name, ObjectShape shape)
    {
        if (name == ResourceTypeProperty)
        {
            Report(IssueType.Structure, "resourceType is only allowed where a resource is expected");
            return;
        }

        var owner = shape.Source.Path;
        var baseName = name.TrimStart('_');
        foreach (var candidate in shape.Children)
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
