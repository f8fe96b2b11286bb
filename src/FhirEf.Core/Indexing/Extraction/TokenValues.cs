using System.Text.Json;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// token parameters, by the table of R4 search §3.1.1.4.10: a Coding gives its system and code (and its
/// display as the text <c>:text</c> searches); a CodeableConcept each of its codings, plus its text as a
/// text-only token; an Identifier its system and value, with <c>Identifier.type.text</c> as text and the
/// type's first coding that has a code for <c>:of-type</c>; a ContactPoint its value only ("the URI
/// portion is not used"); code, boolean (<c>true</c>/<c>false</c>), string, uri, id and the other
/// primitives the code alone.
/// </summary>
internal static class TokenValues
{
    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        switch (kind)
        {
            case ValueKind.Coding:
                AddCoding(json, output);
                return true;
            case ValueKind.CodeableConcept:
                var codings = JsonFields.Array(json, "coding"u8);
                if (codings.ValueKind == JsonValueKind.Array)
                {
                    foreach (var coding in codings.EnumerateArray())
                    {
                        AddCoding(coding, output);
                    }
                }

                if (JsonFields.String(json, "text"u8) is { } text)
                {
                    output.Add(new TokenSearchValue(null, null, text));
                }

                return true;
            case ValueKind.Identifier:
                AddIdentifier(json, output);
                return true;
            case ValueKind.ContactPoint:
                if (JsonFields.String(json, "value"u8) is { } contact)
                {
                    output.Add(new TokenSearchValue(null, contact));
                }

                return true;
            case ValueKind.Boolean:
                return json.ValueKind switch
                {
                    JsonValueKind.True => Add("true", output),
                    JsonValueKind.False => Add("false", output),
                    _ => json.ValueKind == JsonValueKind.Undefined,
                };
            case ValueKind.String or ValueKind.Code or ValueKind.Id or ValueKind.Uri or ValueKind.Canonical:
                if (json.ValueKind == JsonValueKind.Undefined)
                {
                    return true; // only extensions
                }

                return json.ValueKind == JsonValueKind.String && Add(JsonFields.Text(json), output);
            case ValueKind.Integer or ValueKind.Decimal:
                return json.ValueKind == JsonValueKind.Number && Add(json.GetRawText(), output);
            default:
                return false;
        }
    }

    /// <summary>A System value a FHIRPath expression produced: a Boolean (<c>Patient.deceased.exists() and …</c>), a string or a number.</summary>
    public static bool TryAdd(object value, List<SearchValue> output) => value switch
    {
        bool flag => Add(flag ? "true" : "false", output),
        string text => Add(text, output),
        int number => Add(number.ToString(System.Globalization.CultureInfo.InvariantCulture), output),
        _ => false,
    };

    private static void AddCoding(JsonElement coding, List<SearchValue> output)
    {
        var system = JsonFields.String(coding, "system"u8);
        var code = JsonFields.String(coding, "code"u8);
        var display = JsonFields.String(coding, "display"u8);
        if (system is not null || code is not null || display is not null)
        {
            output.Add(new TokenSearchValue(system, code, display));
        }
    }

    private static void AddIdentifier(JsonElement identifier, List<SearchValue> output)
    {
        var system = JsonFields.String(identifier, "system"u8);
        var value = JsonFields.String(identifier, "value"u8);
        var type = JsonFields.Object(identifier, "type"u8);
        var typeText = JsonFields.String(type, "text"u8);
        var ofType = OfType(type);
        if (system is not null || value is not null || typeText is not null)
        {
            output.Add(new TokenSearchValue(system, value, typeText, ofType));
        }
    }

    /// <summary>The type's first coding with a code (the value model keeps one; <c>:of-type</c> names one).</summary>
    internal static TokenType? OfType(JsonElement type)
    {
        var codings = JsonFields.Array(type, "coding"u8);
        if (codings.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var coding in codings.EnumerateArray())
        {
            if (JsonFields.String(coding, "code"u8) is { } code)
            {
                return new TokenType(JsonFields.String(coding, "system"u8), code);
            }
        }

        return null;
    }

    private static bool Add(string? code, List<SearchValue> output)
    {
        if (code is null)
        {
            return false;
        }

        output.Add(new TokenSearchValue(null, code));
        return true;
    }
}
