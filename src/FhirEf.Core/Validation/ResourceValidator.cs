using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Validation;

/// <summary>
/// Structural validation of FHIR R4 resources in JSON (R4 json.html and the StructureDefinitions):
/// a known concrete resourceType; every property an element of its parent, choice names resolved;
/// arrays exactly for repeating elements; required children present; the JSON kind of every value;
/// the syntax of every primitive; no nulls, empty objects, arrays or strings; contained and bundled
/// resources validated as the type they name. Invariants (FHIRPath constraints), terminology
/// bindings, profiles and XHTML content are not checked (see docs/validation.md).
/// Never throws for bad input: every problem becomes a <see cref="ValidationIssue"/>. Thread-safe.
/// </summary>
public sealed class ResourceValidator
{
    private const string IdElement = "id";
    private const string IdType = "id";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly StructureDefinitionRegistry _structures;
    private readonly ResourceValidatorOptions _options;
    private readonly ConcurrentDictionary<ElementDefinitionInfo, ObjectShape> _shapes = new(ReferenceEqualityComparer.Instance);

    public ResourceValidator(FhirDefinitions definitions)
        : this(definitions, new ResourceValidatorOptions())
    {
    }

    public ResourceValidator(FhirDefinitions definitions, ResourceValidatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxDepth, ResourceValidatorOptions.MaxDepthCeiling);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResourceBytes, 1);
        _structures = definitions.Structures;
        _options = new ResourceValidatorOptions { MaxDepth = options.MaxDepth, MaxResourceBytes = options.MaxResourceBytes };
    }

    /// <summary>Validates a parsed resource (the size and depth limits apply to it too).</summary>
    public ValidationResult Validate(JsonElement resource)
    {
        var raw = resource.ValueKind == JsonValueKind.Undefined ? default : JsonMarshal.GetRawUtf8Value(resource);
        if (raw.Length > _options.MaxResourceBytes)
        {
            return TooLarge(raw.Length);
        }

        if (!Utf8.IsValid(raw))
        {
            return InvalidUtf8(raw);
        }

        var walk = new ResourceWalk(this, _structures, _options.MaxDepth);
        walk.WalkRoot(resource);
        return new ValidationResult(walk.ResourceType, walk.Issues);
    }

    /// <summary>Parses and validates a resource in UTF-8 JSON (a leading byte order mark is allowed).</summary>
    public ValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > _options.MaxResourceBytes)
        {
            return TooLarge(utf8Json.Length);
        }

        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(utf8Json))
        {
            return InvalidUtf8(utf8Json);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(buffer);
            var json = buffer.AsMemory(0, utf8Json.Length);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _options.MaxDepth });
            }
            catch (JsonException exception)
            {
                return ParseFailure(json.Span, exception);
            }

            using (document)
            {
                var walk = new ResourceWalk(this, _structures, _options.MaxDepth);
                walk.WalkRoot(document.RootElement);
                return new ValidationResult(walk.ResourceType, walk.Issues);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal ObjectShape ShapeOf(ElementDefinitionInfo source) => _shapes.GetOrAdd(
        source,
        static (element, structures) => new ObjectShape(
            element,
            structures.TryGetType(element.Path, out var type) && type.Kind == FhirTypeKind.Resource && ReferenceEquals(type.Root, element)),
        _structures);

    /// <summary>Resolves a property of an object of <paramref name="shape"/> through the definitions; null for a name that is no element.</summary>
    internal PropertyBinding? Bind(ObjectShape shape, string name)
    {
        if (shape.TryGetBinding(name, out var cached))
        {
            return cached;
        }

        var isExtension = name.Length > 1 && name[0] == '_';
        if (!_structures.TryResolveJsonProperty(shape.Source, isExtension ? name[1..] : name, out var child, out var typeCode))
        {
            return null;
        }

        if (shape.IsResourceRoot && child.Name == IdElement)
        {
            // R4 documents Resource.id as an id, but its snapshots type it System.String with fhir-type string.
            typeCode = IdType;
        }

        var (target, kind, source) = Target(child, typeCode);
        if (isExtension && target == BindingTarget.Primitive)
        {
            (target, source) = (BindingTarget.Object, ElementRootOf(typeCode));
        }
        else if (isExtension)
        {
            target = BindingTarget.Undefined;
        }

        return shape.Add(new PropertyBinding(name, child, typeCode, shape.OrdinalOf(child), target, kind, source is null ? null : ShapeOf(source)));
    }

    private (BindingTarget Target, PrimitiveKind Kind, ElementDefinitionInfo? Source) Target(ElementDefinitionInfo child, string typeCode)
    {
        if (child.HasOwnChildren || child.ContentReference is not null)
        {
            return _structures.ChildSource(child) is { } backbone
                ? (BindingTarget.Object, default, backbone)
                : (BindingTarget.Undefined, default, null);
        }

        if (!_structures.TryGetType(typeCode, out var type))
        {
            return (BindingTarget.Undefined, default, null);
        }

        return type.Kind switch
        {
            FhirTypeKind.PrimitiveType => (BindingTarget.Primitive, PrimitiveRules.KindOf(_structures, typeCode), null),
            FhirTypeKind.Resource => (BindingTarget.Resource, default, null),
            _ => (BindingTarget.Object, default, type.Root),
        };
    }

    /// <summary>The Element root a primitive's "_name" object is checked against: the first non-primitive base of the primitive type.</summary>
    private ElementDefinitionInfo ElementRootOf(string primitiveTypeCode)
    {
        var type = _structures.GetType(primitiveTypeCode);
        while (type.Kind == FhirTypeKind.PrimitiveType && type.BaseType is { } baseType)
        {
            type = _structures.GetType(baseType);
        }

        return type.Root;
    }

    private ValidationResult TooLarge(int length) => Fatal(
        IssueType.TooLong,
        $"the resource is {length} bytes; the limit is {_options.MaxResourceBytes} bytes");

    private static ValidationResult InvalidUtf8(ReadOnlySpan<byte> json)
    {
        var offset = 0;
        while (offset < json.Length && System.Text.Rune.DecodeFromUtf8(json[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        return Fatal(IssueType.Structure, $"the JSON is not valid UTF-8 (byte offset {offset})");
    }

    /// <summary>Malformed JSON, or nesting past MaxDepth, which the parser reports as malformed too: a second scan tells them apart.</summary>
    private ValidationResult ParseFailure(ReadOnlySpan<byte> json, JsonException exception)
    {
        if (TooDeepAt(json) is { } offset)
        {
            var (deepLine, deepPosition) = LineAndPosition(json, offset);
            return new ValidationResult(null, [new ValidationIssue(
                IssueSeverity.Fatal,
                IssueType.TooCostly,
                string.Empty,
                $"the JSON nests deeper than {_options.MaxDepth} levels (line {deepLine}, byte {deepPosition})") { Line = deepLine, BytePositionInLine = deepPosition }]);
        }

        var line = exception.LineNumber + 1;
        var position = exception.BytePositionInLine + 1;
        var reason = exception.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = cut > 0 ? reason[..cut] : reason;
        return new ValidationResult(null, [new ValidationIssue(
            IssueSeverity.Fatal,
            IssueType.Structure,
            string.Empty,
            $"malformed JSON at line {line}, byte {position}: {reason}") { Line = line, BytePositionInLine = position }]);
    }

    /// <summary>The byte offset of the first object or array past MaxDepth, if the JSON reads that far.</summary>
    private int? TooDeepAt(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                // The container opened at CurrentDepth d is the (d + 1)-th level.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= _options.MaxDepth)
                {
                    return (int)reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>One-based line and byte position of a byte offset.</summary>
    private static (long Line, long Position) LineAndPosition(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    private static ValidationResult Fatal(IssueType code, string message) =>
        new(null, [new ValidationIssue(IssueSeverity.Fatal, code, string.Empty, message)]);
}
