using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The text <c>_content</c> searches (R4 search §3.1.1.4.20: "the entire content of the resource"): every
/// string-like primitive of the resource and its contained resources — string, markdown, code, id, uri,
/// url, canonical, oid, uuid — joined with spaces, in document order. Left out: the narrative (that is
/// <c>_text</c>), base64Binary (encoded bytes, not words), dates and times (digits that only look like
/// words to a text index), numbers and booleans, <c>resourceType</c>.
/// </summary>
/// <remarks>
/// The walk reads the JSON directly, without building element nodes, so it decides by property name.
/// A name is left out when the definitions give it a base64Binary type anywhere (only <c>data</c>; the
/// other <c>data</c>, SampledData's, is a run of numbers) or only date, dateTime, instant, time or xhtml
/// types among its string-valued ones (<c>div</c>, <c>birthDate</c>, <c>effectiveDateTime</c>…). A name
/// that is a date in one place and a code in another (<c>start</c>, <c>when</c>) is kept. Nesting deeper
/// than <see cref="MaxDepth"/> is not read.
/// </remarks>
internal sealed class ContentText
{
    public const int MaxDepth = 256;

    /// <summary>Property names are short; longer ones are never left out.</summary>
    private const int MaxNameLength = 64;

    private static readonly FrozenSet<string> NonTextTypes = FrozenSet.Create(StringComparer.Ordinal, "date", "dateTime", "instant", "time", "xhtml");

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _leftOut;

    public ContentText(StructureDefinitionRegistry structures)
    {
        ArgumentNullException.ThrowIfNull(structures);
        LeftOutNames = FindLeftOutNames(structures);
        _leftOut = LeftOutNames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The JSON property names whose values are not content text.</summary>
    public FrozenSet<string> LeftOutNames { get; }

    public string? Extract(JsonElement resource)
    {
        var text = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        try
        {
            text.Clear();
            Walk(resource, text, 0);
            return text.Length == 0 ? null : text.ToString();
        }
        finally
        {
            if (text.Capacity <= 1 << 20)
            {
                t_builder = text;
            }
        }
    }

    private void Walk(JsonElement json, StringBuilder text, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in json.EnumerateObject())
                {
                    if (!IsLeftOut(property))
                    {
                        Walk(property.Value, text, depth + 1);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in json.EnumerateArray())
                {
                    Walk(item, text, depth + 1);
                }

                break;
            case JsonValueKind.String:
                AppendString(json, text);
                break;
        }
    }

    private bool IsLeftOut(JsonProperty property)
    {
        var name = JsonMarshal.GetRawUtf8PropertyName(property);
        if (name.SequenceEqual("resourceType"u8) || name.SequenceEqual("fhir_comments"u8))
        {
            return true;
        }

        if (name.Length > MaxNameLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxNameLength];
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] > 127)
            {
                return false;
            }

            chars[i] = (char)name[i];
        }

        return _leftOut.Contains(chars[..name.Length]);
    }

    private static void AppendString(JsonElement value, StringBuilder text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IsEmpty)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        if (raw.IndexOf((byte)'\\') >= 0)
        {
            text.Append(value.GetString());
            return;
        }

        var buffer = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            var length = Encoding.UTF8.GetChars(raw, buffer);
            text.Append(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static FrozenSet<string> FindLeftOutNames(StructureDefinitionRegistry structures)
    {
        var stringTypes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var binary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in structures.Types)
        {
            if (type.Kind == FhirTypeKind.PrimitiveType)
            {
                continue; // string.value, base64Binary.value: the value itself, never a JSON property
            }

            foreach (var element in type.Elements)
            {
                foreach (var elementType in element.Types)
                {
                    var code = elementType.Code;
                    if (code.Length == 0 || !structures.IsPrimitive(code))
                    {
                        continue;
                    }

                    var jsonName = element.IsChoice ? element.Name + char.ToUpperInvariant(code[0]) + code[1..] : element.Name;
                    if (code == "base64Binary")
                    {
                        binary.Add(jsonName);
                    }

                    if (!IsJsonNumberOrBoolean(code))
                    {
                        (stringTypes.TryGetValue(jsonName, out var codes) ? codes : stringTypes[jsonName] = new HashSet<string>(StringComparer.Ordinal)).Add(code);
                    }
                }
            }
        }

        var leftOut = new HashSet<string>(binary, StringComparer.Ordinal);
        foreach (var (name, codes) in stringTypes)
        {
            if (codes.All(NonTextTypes.Contains))
            {
                leftOut.Add(name);
            }
        }

        return leftOut.ToFrozenSet(StringComparer.Ordinal);
    }

    private static bool IsJsonNumberOrBoolean(string code) =>
        code is "boolean" or "integer" or "positiveInt" or "unsignedInt" or "decimal";
}
