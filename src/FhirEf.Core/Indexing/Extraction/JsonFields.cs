using System.Runtime.InteropServices;
using System.Text.Json;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// Reads the fields of a complex value straight from its JSON object. The converters read data types
/// whose fields are never choice types (Coding.system, HumanName.given, Period.start…), so the JSON
/// names are the element names and no <see cref="Resources.ElementNode"/> children need building.
/// </summary>
internal static class JsonFields
{
    /// <summary>The string <paramref name="name"/> of an object, or null (absent, not a string, or empty).</summary>
    public static string? String(JsonElement json, ReadOnlySpan<byte> name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? Text(value) : null;

    /// <summary>The object <paramref name="name"/> of an object, or <c>default</c>.</summary>
    public static JsonElement Object(JsonElement json, ReadOnlySpan<byte> name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    /// <summary>The array <paramref name="name"/> of an object, or <c>default</c>.</summary>
    public static JsonElement Array(JsonElement json, ReadOnlySpan<byte> name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : default;

    /// <summary>A property of an object whatever its JSON kind, or <c>default</c>.</summary>
    public static JsonElement Property(JsonElement json, ReadOnlySpan<byte> name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The text of a JSON string, or null when it is not a string or is empty (FHIR strings are never empty).</summary>
    public static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>Whether a JSON value is a non-empty string, without reading it.</summary>
    public static bool IsText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !value.ValueEquals(ReadOnlySpan<byte>.Empty);

    /// <summary>The strings of the array <paramref name="name"/>, or null when there are none.</summary>
    public static string[]? Strings(JsonElement json, ReadOnlySpan<byte> name)
    {
        var array = Array(json, name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            // A single string where an array belongs: read it rather than lose it.
            return String(json, name) is { } single ? [single] : null;
        }

        var count = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (IsText(item))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var strings = new string[count];
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (IsText(item))
            {
                strings[index++] = item.GetString()!;
            }
        }

        return strings;
    }

    /// <summary>
    /// Copies a JSON string of ASCII characters without escapes into <paramref name="buffer"/>, without
    /// allocating (dates, numbers as text); false when the value is not such a string or does not fit.
    /// </summary>
    public static bool TryCopyAscii(JsonElement value, Span<char> buffer, out int length)
    {
        length = 0;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.Length > buffer.Length || raw.IndexOf((byte)'\\') >= 0)
        {
            return false;
        }

        foreach (var b in raw)
        {
            if (b > 127)
            {
                return false;
            }

            buffer[length++] = (char)b;
        }

        return true;
    }
}
