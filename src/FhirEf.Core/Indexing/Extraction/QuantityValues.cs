using System.Text.Json;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// quantity parameters (R4 search §3.1.1.4.11, and the cross-map of §3.1.1.9: Quantity, Age, Duration,
/// Money, Range). A Quantity gives its value with the precision range of a number, its system, code
/// and unit; a comparator opens the range on its side (<c>&lt;5</c> is [min, 5.5)). Money gives its
/// value with the currency as the code in system <c>urn:iso:std:iso:4217</c>. A Range is one value that
/// spans from the low bound's lower precision bound to the high bound's upper one (open where a bound
/// is missing), with the value and units of its low (else its high) quantity. A quantity without a
/// value yields nothing. Plain numbers yield unit-less quantities (integers exact, as for number).
/// </summary>
internal static class QuantityValues
{
    public const string CurrencySystem = "urn:iso:std:iso:4217";

    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        QuantitySearchValue? value;
        bool converted;
        switch (kind)
        {
            case ValueKind.Quantity:
                converted = TryRead(json, out value);
                break;
            case ValueKind.Money:
                converted = TryReadMoney(json, out value);
                break;
            case ValueKind.Range:
                converted = TryReadRange(json, out value);
                break;
            case ValueKind.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var integer):
                value = new QuantitySearchValue(integer, integer, integer, null, null, null);
                converted = true;
                break;
            case ValueKind.Decimal when NumberValues.TryRange(json, out var number, out var low, out var high):
                value = new QuantitySearchValue(number, low, high, null, null, null);
                converted = true;
                break;
            default:
                return json.ValueKind == JsonValueKind.Undefined && kind is ValueKind.Integer or ValueKind.Decimal;
        }

        if (value is not null)
        {
            output.Add(value);
        }

        return converted;
    }

    /// <summary>A System Quantity (its unit is a UCUM code or a calendar word) or number a FHIRPath function produced.</summary>
    public static bool TryAdd(object value, List<SearchValue> output)
    {
        switch (value)
        {
            case FhirPathQuantity quantity when NumberValues.TryRange(quantity.Value, out var low, out var high):
                output.Add(new QuantitySearchValue(quantity.Value, low, high, null, quantity.Unit, quantity.Unit));
                return true;
            case decimal number when NumberValues.TryRange(number, out var low, out var high):
                output.Add(new QuantitySearchValue(number, low, high, null, null, null));
                return true;
            case int integer:
                output.Add(new QuantitySearchValue(integer, integer, integer, null, null, null));
                return true;
            default:
                return false;
        }
    }

    /// <summary>A Quantity: false when its value is malformed; true with a null value when it has none.</summary>
    private static bool TryRead(JsonElement quantity, out QuantitySearchValue? value)
    {
        value = null;
        var valueJson = JsonFields.Property(quantity, "value"u8);
        if (valueJson.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        if (!NumberValues.TryRange(valueJson, out var number, out var low, out var high))
        {
            return false;
        }

        switch (JsonFields.String(quantity, "comparator"u8))
        {
            case "<" or "<=":
                low = decimal.MinValue;
                break;
            case ">" or ">=":
                high = decimal.MaxValue;
                break;
        }

        value = new QuantitySearchValue(
            number,
            low,
            high,
            JsonFields.String(quantity, "system"u8),
            JsonFields.String(quantity, "code"u8),
            JsonFields.String(quantity, "unit"u8));
        return true;
    }

    private static bool TryReadMoney(JsonElement money, out QuantitySearchValue? value)
    {
        value = null;
        var valueJson = JsonFields.Property(money, "value"u8);
        if (valueJson.ValueKind == JsonValueKind.Undefined)
        {
            return true;
        }

        if (!NumberValues.TryRange(valueJson, out var number, out var low, out var high))
        {
            return false;
        }

        var currency = JsonFields.String(money, "currency"u8);
        value = new QuantitySearchValue(number, low, high, currency is null ? null : CurrencySystem, currency, null);
        return true;
    }

    private static bool TryReadRange(JsonElement range, out QuantitySearchValue? value)
    {
        value = null;
        if (!TryRead(JsonFields.Object(range, "low"u8), out var low) | !TryRead(JsonFields.Object(range, "high"u8), out var high))
        {
            return false;
        }

        if ((low ?? high) is { } first)
        {
            value = first with
            {
                Low = low?.Low ?? decimal.MinValue,
                High = high?.High ?? decimal.MaxValue,
            };
        }

        return true;
    }
}
