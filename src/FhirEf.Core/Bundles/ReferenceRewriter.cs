using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Bundles;

/// <summary>
/// Finds and replaces the links between the entries of a transaction
/// (https://hl7.org/fhir/R4/http.html#trules): every <c>reference</c> that names another entry's
/// fullUrl becomes <c>Type/id</c> (version-specific references stay version-specific), every
/// conditional reference <c>Type?criteria</c> becomes the reference it resolved to, values of
/// uri-like elements equal to a fullUrl and <c>href</c>/<c>src</c> attributes in the narrative are
/// replaced too; canonical elements are left alone. Everything else is copied verbatim.
/// </summary>
public sealed partial class ReferenceRewriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly StructureDefinitionRegistry _structures;

    public ReferenceRewriter(StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        _structures = structures;
    }

    /// <summary>
    /// Marks the targets <paramref name="resource"/> refers to as referenced and adds its conditional
    /// references to <paramref name="conditionalReferences"/>. True when the resource needs a rewrite.
    /// </summary>
    public bool Scan(JsonElement resource, BundleReferenceMap map, string? entryFullUrl, ICollection<string> conditionalReferences)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(conditionalReferences);
        var walk = new Walk(this, map, entryFullUrl, writer: null, conditionalReferences, resolvedConditional: null);
        walk.Object(resource, newId: null);
        return walk.Changed;
    }

    /// <summary>
    /// The resource as UTF-8 JSON with its links replaced and, when <paramref name="newId"/> is given, its id set to it.
    /// Every target it names must have an id by now, and every conditional reference a resolution.
    /// </summary>
    public byte[] Rewrite(
        JsonElement resource,
        BundleReferenceMap map,
        string? entryFullUrl,
        IReadOnlyDictionary<string, string> resolvedConditionalReferences,
        string? newId)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(resolvedConditionalReferences);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, JsonMarshal.GetRawUtf8Value(resource).Length + 64));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var walk = new Walk(this, map, entryFullUrl, writer, conditionalReferences: null, resolvedConditionalReferences);
            walk.Object(resource, newId);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Whether <paramref name="reference"/> is a conditional reference: <c>Type?criteria</c> with a resource type.</summary>
    public bool IsConditionalReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var question = reference.IndexOf('?', StringComparison.Ordinal);
        return question > 0 && _structures.IsResourceType(reference[..question]) && reference.IndexOf('/', 0, question) < 0;
    }

    /// <summary>The FHIR type of the element at <paramref name="names"/> (JSON property names below a resource of <paramref name="resourceType"/>).</summary>
    private string? TypeAt(string resourceType, IReadOnlyList<string> names)
    {
        if (!_structures.TryGetType(resourceType, out var type))
        {
            return null;
        }

        ElementDefinitionInfo? scope = type.Root;
        string? typeCode = null;
        foreach (var name in names)
        {
            if (scope is null || !_structures.TryResolveJsonProperty(scope, name, out var element, out var code))
            {
                return null;
            }

            typeCode = code;
            scope = _structures.ChildSource(element) ?? (_structures.TryGetType(code, out var elementType) ? elementType.Root : null);
        }

        return typeCode;
    }

    [GeneratedRegex("""(?<name>href|src)=(?<quote>["'])(?<value>[^"'<>]*)\k<quote>""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();

    /// <summary>One pass over a resource: scanning when there is no writer, rewriting when there is.</summary>
    private sealed class Walk(
        ReferenceRewriter owner,
        BundleReferenceMap map,
        string? entryFullUrl,
        Utf8JsonWriter? writer,
        ICollection<string>? conditionalReferences,
        IReadOnlyDictionary<string, string>? resolvedConditional)
    {
        private readonly List<JsonProperty> _path = [];
        private readonly Stack<(string Type, int Depth)> _resources = new();

        public bool Changed { get; private set; }

        public void Object(JsonElement element, string? newId)
        {
            var isResource = element.TryGetProperty("resourceType", out var resourceType) && resourceType.ValueKind == JsonValueKind.String;
            if (isResource)
            {
                _resources.Push((resourceType.GetString()!, _path.Count));
            }

            writer?.WriteStartObject();
            if (newId is not null)
            {
                if (resourceType.ValueKind == JsonValueKind.String)
                {
                    writer?.WritePropertyName("resourceType"u8);
                    writer?.WriteStringValue(resourceType.GetString());
                }

                writer?.WriteString("id"u8, newId);
                Changed |= !element.TryGetProperty("id", out var id) || !id.ValueEquals(newId);
            }

            foreach (var property in element.EnumerateObject())
            {
                if (newId is not null && (property.NameEquals("id") || property.NameEquals("resourceType")))
                {
                    continue;
                }

                if (writer is not null)
                {
                    var name = JsonMarshal.GetRawUtf8PropertyName(property);
                    if (name.IndexOf((byte)'\\') < 0)
                    {
                        writer.WritePropertyName(name);
                    }
                    else
                    {
                        writer.WritePropertyName(property.Name);
                    }
                }

                _path.Add(property);
                Value(property.Value, property);
                _path.RemoveAt(_path.Count - 1);
            }

            writer?.WriteEndObject();
            if (isResource)
            {
                _resources.Pop();
            }
        }

        private void Value(JsonElement value, JsonProperty property)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    Object(value, newId: null);
                    break;
                case JsonValueKind.Array:
                    writer?.WriteStartArray();
                    foreach (var item in value.EnumerateArray())
                    {
                        Value(item, property);
                    }

                    writer?.WriteEndArray();
                    break;
                case JsonValueKind.String:
                    String(value, property);
                    break;
                default:
                    // Numbers and literals verbatim: decimals keep their exact text.
                    writer?.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
                    break;
            }
        }

        private void String(JsonElement value, JsonProperty property)
        {
            var replacement = property.NameEquals("reference") ? Reference(value.GetString()!)
                : property.NameEquals("div") ? Narrative(value.GetString()!)
                : Uri(value);
            if (replacement is not null)
            {
                Changed = true;
                writer?.WriteStringValue(replacement);
            }
            else
            {
                // The string as it came, escapes and all: nothing to decode and encode again.
                writer?.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
            }
        }

        private string? Reference(string reference)
        {
            if (owner.IsConditionalReference(reference))
            {
                conditionalReferences?.Add(reference);
                return resolvedConditional is null ? reference : resolvedConditional[reference];
            }

            return Local(reference);
        }

        /// <summary>A uri, url, oid or uuid element whose value is an entry's fullUrl (never a canonical).</summary>
        private string? Uri(JsonElement value)
        {
            // Cheap test first: only strings that can be a fullUrl are looked up.
            var raw = JsonMarshal.GetRawUtf8Value(value);
            if (raw.Length < 8 || (raw[1] != (byte)'u' && raw[1] != (byte)'h'))
            {
                return null;
            }

            var text = value.GetString()!;
            if (!map.TryGet(text, out _))
            {
                return null;
            }

            var (resourceType, depth) = _resources.Count > 0 ? _resources.Peek() : (string.Empty, 0);
            var names = new string[_path.Count - depth];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = _path[depth + i].Name;
            }

            return owner.TypeAt(resourceType, names) == "canonical" ? null : Local(text);
        }

        private string? Narrative(string div)
        {
            if (!div.Contains("href=", StringComparison.Ordinal) && !div.Contains("src=", StringComparison.Ordinal))
            {
                return null;
            }

            var changed = false;
            var result = LinkAttribute().Replace(div, match =>
            {
                if (Local(match.Groups["value"].Value) is not { } local)
                {
                    return match.Value;
                }

                changed = true;
                return $"{match.Groups["name"].Value}={match.Groups["quote"].Value}{local}{match.Groups["quote"].Value}";
            });
            return changed ? result : null;
        }

        /// <summary>The local reference for a link to an entry, marking the entry as referenced; null when it names no entry.</summary>
        private string? Local(string reference)
        {
            if (!map.TryMatch(reference, entryFullUrl, out var target, out var version))
            {
                return null;
            }

            target.IsReferenced = true;
            if (writer is null)
            {
                return reference;
            }

            var local = target.LocalReference ?? throw new InvalidOperationException($"The transaction has not assigned an id to the entry behind '{reference}' yet.");
            return version is null ? local : $"{local}/_history/{(target.IsCreate ? "1" : version)}";
        }
    }
}
