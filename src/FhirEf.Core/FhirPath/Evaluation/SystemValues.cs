using System.Text.Json;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// System values as collection items: shared boxes for booleans and small integers, the System
/// type of an item, and the implicit conversion of FHIR nodes to System values (FHIR primitive →
/// Boolean, Integer, Decimal, String, Date, DateTime or Time; FHIR Quantity → System.Quantity).
/// </summary>
internal static class SystemValues
{
    public const string UcumSystem = "http://unitsofmeasure.org";

    public static readonly object True = true;
    public static readonly object False = false;

    private const int SmallIntegerMin = -128;
    private const int SmallIntegerMax = 1024;
    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    // The FHIR primitives that are roots of the primitive hierarchy, with their FHIRPath System type; the
    // others (code ⊂ string, positiveInt ⊂ integer, uuid ⊂ uri …) are found through the definitions.
    private static readonly Dictionary<string, SystemType> PrimitiveRoots = new(StringComparer.Ordinal)
    {
        ["boolean"] = SystemType.Boolean,
        ["integer"] = SystemType.Integer,
        ["decimal"] = SystemType.Decimal,
        ["string"] = SystemType.String,
        ["uri"] = SystemType.String,
        ["base64Binary"] = SystemType.String,
        ["xhtml"] = SystemType.String,
        ["date"] = SystemType.Date,
        ["dateTime"] = SystemType.DateTime,
        ["instant"] = SystemType.DateTime,
        ["time"] = SystemType.Time,
    };

    public static object Box(bool value) => value ? True : False;

    public static object Box(int value) =>
        value is >= SmallIntegerMin and <= SmallIntegerMax ? SmallIntegers[value - SmallIntegerMin] : value;

    /// <summary>
    /// The System value of an item: the item itself for System values, the converted primitive value
    /// of a FHIR primitive node, or a System.Quantity for a FHIR Quantity node. False for other nodes.
    /// </summary>
    public static bool TryGetValue(object item, out object value)
    {
        if (item is not ElementNode node)
        {
            value = item;
            return true;
        }

        return TryConvert(node, out value);
    }

    /// <summary>The System type a FHIR primitive type maps to, or null for complex and unknown types.</summary>
    public static SystemType? SystemTypeOf(string fhirType, ElementNode? context)
    {
        if (PrimitiveRoots.TryGetValue(fhirType, out var root))
        {
            return root;
        }

        var structures = context?.Structures;
        if (structures is null || !structures.IsPrimitive(fhirType))
        {
            return null;
        }

        for (var current = fhirType; structures.TryGetType(current, out var definition) && definition.BaseType is { } baseType; current = baseType)
        {
            if (PrimitiveRoots.TryGetValue(baseType, out root))
            {
                return root;
            }
        }

        return null;
    }

    public static bool IsQuantityNode(ElementNode node) =>
        node.TypeName is { } type
        && (type == "Quantity" || (node.Structures is { } structures && structures.IsSubtypeOf(type, "Quantity")));

    private static bool TryConvert(ElementNode node, out object value)
    {
        value = null!;
        var json = node.Json;
        if (!node.HasPrimitiveValue)
        {
            return json.ValueKind == JsonValueKind.Object && IsQuantityNode(node) && TryConvertQuantity(node, out value);
        }

        var type = node.TypeName is { } typeName ? SystemTypeOf(typeName, node) : null;
        switch (type)
        {
            case SystemType.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = Box(json.ValueKind == JsonValueKind.True);
                return true;
            case SystemType.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var integer):
                value = Box(integer);
                return true;
            case SystemType.Decimal when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number):
                value = number;
                return true;
            case SystemType.String when json.ValueKind == JsonValueKind.String:
                value = json.GetString()!;
                return true;
            case SystemType.Date when json.ValueKind == JsonValueKind.String && FhirPathDate.TryParse(json.GetString()!, out var date):
                value = date;
                return true;
            case SystemType.DateTime when json.ValueKind == JsonValueKind.String && FhirPathDateTime.TryParse(json.GetString()!, out var dateTime):
                value = dateTime;
                return true;
            case SystemType.Time when json.ValueKind == JsonValueKind.String && FhirPathTime.TryParse(json.GetString()!, out var time):
                value = time;
                return true;
        }

        // Untyped, or a value that does not match its declared type: take what the JSON holds.
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                value = json.GetString()!;
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = Box(json.ValueKind == JsonValueKind.True);
                return true;
            case JsonValueKind.Number when json.TryGetInt32(out var whole) && !json.GetRawText().Contains('.', StringComparison.Ordinal):
                value = Box(whole);
                return true;
            case JsonValueKind.Number when json.TryGetDecimal(out var fractional):
                value = fractional;
                return true;
            default:
                return false;
        }
    }

    private static bool TryConvertQuantity(ElementNode node, out object value)
    {
        value = null!;
        var json = node.Json;
        if (!json.TryGetProperty("value", out var number) || !number.TryGetDecimal(out var amount))
        {
            return false;
        }

        string? unit = null;
        if (json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            && (!json.TryGetProperty("system", out var system) || system.ValueEquals(UcumSystem)))
        {
            unit = code.GetString();
        }
        else if (json.TryGetProperty("unit", out var unitText) && unitText.ValueKind == JsonValueKind.String)
        {
            unit = unitText.GetString();
        }

        value = new FhirPathQuantity(amount, unit ?? FhirPathQuantity.UnityUnit);
        return true;
    }

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[SmallIntegerMax - SmallIntegerMin + 1];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i + SmallIntegerMin;
        }

        return boxes;
    }
}
