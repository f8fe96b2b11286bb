using System.Text.Json;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// string parameters (R4 search §3.1.1.4.8): a string or markdown as written; for HumanName and Address
/// "the search covers the elements of type string" (not <c>use</c> or <c>period</c>), each a value of its
/// own so that every part is matched from its start: HumanName family, each given, each prefix, each
/// suffix, text; Address each line, city, district, state, postalCode, country, text. Other primitives
/// that arrive as strings (code, uri, id…) are taken as written too. Folding happens in storage.
/// </summary>
internal static class StringValues
{
    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        switch (kind)
        {
            case ValueKind.HumanName:
                Add(JsonFields.String(json, "family"u8), output);
                AddEach(json, "given"u8, output);
                AddEach(json, "prefix"u8, output);
                AddEach(json, "suffix"u8, output);
                Add(JsonFields.String(json, "text"u8), output);
                return true;
            case ValueKind.Address:
                AddEach(json, "line"u8, output);
                Add(JsonFields.String(json, "city"u8), output);
                Add(JsonFields.String(json, "district"u8), output);
                Add(JsonFields.String(json, "state"u8), output);
                Add(JsonFields.String(json, "postalCode"u8), output);
                Add(JsonFields.String(json, "country"u8), output);
                Add(JsonFields.String(json, "text"u8), output);
                return true;
            case ValueKind.String or ValueKind.Code or ValueKind.Id or ValueKind.Uri or ValueKind.Canonical:
                return AddPrimitive(json, output);
            default:
                return false;
        }
    }

    /// <summary>A System string a FHIRPath function produced.</summary>
    public static bool TryAdd(string value, List<SearchValue> output)
    {
        Add(value, output);
        return true;
    }

    /// <summary>A primitive with only extensions (no value) yields nothing, and is not an error.</summary>
    private static bool AddPrimitive(JsonElement json, List<SearchValue> output)
    {
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        Add(JsonFields.Text(json), output);
        return json.ValueKind == JsonValueKind.String;
    }

    private static void AddEach(JsonElement json, ReadOnlySpan<byte> name, List<SearchValue> output)
    {
        var property = JsonFields.Property(json, name);
        if (property.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in property.EnumerateArray())
            {
                Add(JsonFields.Text(item), output);
            }
        }
        else
        {
            Add(JsonFields.Text(property), output);
        }
    }

    private static void Add(string? value, List<SearchValue> output)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            output.Add(new StringSearchValue(value));
        }
    }
}
