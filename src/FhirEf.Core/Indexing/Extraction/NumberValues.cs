using System.Globalization;
using System.Text.Json;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Primitives;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// number parameters (R4 search §3.1.1.4.6). A decimal covers the range its significant digits imply
/// (<see cref="FhirDecimal"/>: 100 is [99.5, 100.5), 1.50 is [1.495, 1.505)). An integer, positiveInt or
/// unsignedInt is exact, a point with <c>Low = High = Value</c>: for "a resource element that stores a
/// simple integer … the significance issues cancel out and searching is based on exact matches".
/// </summary>
internal static class NumberValues
{
    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        if (json.ValueKind == JsonValueKind.Undefined)
        {
            return kind is ValueKind.Integer or ValueKind.Decimal; // only extensions
        }

        switch (kind)
        {
            case ValueKind.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var integer):
                output.Add(new NumberSearchValue(integer, integer, integer));
                return true;
            case ValueKind.Decimal or ValueKind.String when TryRange(json, out var value, out var low, out var high):
                output.Add(new NumberSearchValue(value, low, high));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A System Integer (exact) or Decimal (with the precision its scale implies) a FHIRPath function produced.</summary>
    public static bool TryAdd(object value, List<SearchValue> output)
    {
        switch (value)
        {
            case int integer:
                output.Add(new NumberSearchValue(integer, integer, integer));
                return true;
            case decimal number when TryRange(number, out var low, out var high):
                output.Add(new NumberSearchValue(number, low, high));
                return true;
            default:
                return false;
        }
    }

    /// <summary>The precision range of a System Decimal, from the digits its scale keeps (1.50m is [1.495, 1.505)).</summary>
    public static bool TryRange(decimal value, out decimal low, out decimal high)
    {
        if (FhirDecimal.TryParse(value.ToString(CultureInfo.InvariantCulture), out var parsed))
        {
            (low, high) = (parsed.LowerBound, parsed.UpperBound);
            return true;
        }

        low = high = value;
        return false;
    }

    /// <summary>A decimal in JSON (a number, or leniently a string holding one) with its precision range.</summary>
    public static bool TryRange(JsonElement json, out decimal value, out decimal low, out decimal high)
    {
        var text = json.ValueKind switch
        {
            JsonValueKind.Number => json.GetRawText(),
            JsonValueKind.String => json.GetString(),
            _ => null,
        };
        if (text is not null && FhirDecimal.TryParse(text, out var parsed))
        {
            (value, low, high) = (parsed.Value, parsed.LowerBound, parsed.UpperBound);
            return true;
        }

        value = low = high = 0;
        return false;
    }
}
