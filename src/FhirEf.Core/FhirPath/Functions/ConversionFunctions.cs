using System.Globalization;
using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// FHIRPath N1 §Conversion: iif and the to…/convertsTo… pairs. A value that does not convert gives
/// an empty result (to…) or false (convertsTo…); an empty input gives an empty result; several items
/// are an error.
/// </summary>
internal static class ConversionFunctions
{
    private static readonly string[] TrueStrings = ["true", "t", "yes", "y", "1", "1.0"];
    private static readonly string[] FalseStrings = ["false", "f", "no", "n", "0", "0.0"];

    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("iif", 2, 3, call =>
        {
            var criterion = call.Argument(0);
            var whenTrue = call.Argument(1);
            var otherwise = call.OptionalArgument(2);
            return (input, _, context) =>
            {
                if (input.Count > 1)
                {
                    throw new FhirPathEvaluationException($"iif() is invoked on a collection of {input.Count} items; it takes at most one.");
                }

                // Only the chosen branch is evaluated; the arguments see the input as $this.
                return BooleanLogic.ToBoolean(criterion(input, context), context, "iif()") == true
                    ? whenTrue(input, context)
                    : otherwise?.Invoke(input, context) ?? FhirPathCollection.Empty;
            };
        }),
        .. Pair("Boolean", ToBoolean),
        .. Pair("Integer", ToInteger),
        .. Pair("Decimal", ToDecimal),
        .. Pair("String", ToStringValue),
        .. Pair("Date", ToDate),
        .. Pair("DateTime", ToDateTime),
        .. Pair("Time", ToTime),
        new("toQuantity", 0, 1, call =>
        {
            var unit = call.OptionalArgument(0);
            return (input, focus, context) => Singletons.Of(ToQuantity(input, unit is null ? null : Singletons.String(unit(focus, context), "toQuantity()"), "toQuantity()"));
        }),
        new("convertsToQuantity", 0, 1, call =>
        {
            var unit = call.OptionalArgument(0);
            return (input, focus, context) => input.IsEmpty
                ? FhirPathCollection.Empty
                : FhirPathCollection.Of(ToQuantity(input, unit is null ? null : Singletons.String(unit(focus, context), "convertsToQuantity()"), "convertsToQuantity()") is not null);
        }),
    ];

    private static FunctionDefinition[] Pair(string type, Func<object, object?> convert) =>
    [
        new("to" + type, _ => (input, _, _) => Convert(input, "to" + type + "()", convert) is { } value ? FhirPathCollection.Of(value) : FhirPathCollection.Empty),
        new("convertsTo" + type, _ => (input, _, _) => input.IsEmpty
            ? FhirPathCollection.Empty
            : FhirPathCollection.Of(Convert(input, "convertsTo" + type + "()", convert) is not null)),
    ];

    private static object? Convert(FhirPathCollection input, string function, Func<object, object?> convert) =>
        Singletons.Item(input, function) is { } item && SystemValues.TryGetValue(item, out var value) ? convert(value) : null;

    private static object? ToBoolean(object value) => value switch
    {
        bool => value,
        int i => i switch { 1 => SystemValues.True, 0 => SystemValues.False, _ => null },
        decimal d => d == 1m ? SystemValues.True : d == 0m ? SystemValues.False : null,
        string s when Array.Exists(TrueStrings, t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase)) => SystemValues.True,
        string s when Array.Exists(FalseStrings, t => string.Equals(t, s, StringComparison.OrdinalIgnoreCase)) => SystemValues.False,
        _ => null,
    };

    private static object? ToInteger(object value) => value switch
    {
        int => value,
        bool b => SystemValues.Box(b ? 1 : 0),
        string s when IsInteger(s) && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => SystemValues.Box(i),
        _ => null,
    };

    private static object? ToDecimal(object value) => value switch
    {
        decimal => value,
        int i => (decimal)i,
        bool b => b ? 1.0m : 0.0m,
        string s when IsDecimal(s) && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static object? ToStringValue(object value) => value switch
    {
        string => value,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        TemporalValue or FhirPathQuantity => value.ToString(),
        _ => null,
    };

    private static object? ToDate(object value) => value switch
    {
        FhirPathDate => value,
        FhirPathDateTime dateTime => dateTime.ToDate(),
        string s when FhirPathDate.TryParse(s, out var date) => date,
        _ => null,
    };

    private static object? ToDateTime(object value) => value switch
    {
        FhirPathDateTime => value,
        FhirPathDate date => date.ToDateTime(),
        string s when FhirPathDateTime.TryParse(s, out var dateTime) => dateTime,
        _ => null,
    };

    private static object? ToTime(object value) => value switch
    {
        FhirPathTime => value,
        string s when FhirPathTime.TryParse(s, out var time) => time,
        _ => null,
    };

    private static FhirPathQuantity? ToQuantity(FhirPathCollection input, string? unit, string function)
    {
        if (Singletons.Item(input, function) is not { } item || !SystemValues.TryGetValue(item, out var value))
        {
            return null;
        }

        var quantity = value switch
        {
            FhirPathQuantity q => q,
            int or decimal => new FhirPathQuantity(Equality.ToDecimal(value), FhirPathQuantity.UnityUnit),
            bool b => new FhirPathQuantity(b ? 1.0m : 0.0m, FhirPathQuantity.UnityUnit),
            string s when FhirPathQuantity.TryParse(s, out var parsed) => parsed,
            _ => null,
        };

        if (quantity is null || unit is null)
        {
            return quantity;
        }

        return QuantityMath.TryConvert(quantity, unit, out var converted) ? converted : null;
    }

    /// <summary><c>(\+|-)?\d+</c>.</summary>
    private static bool IsInteger(string text)
    {
        var start = text.Length > 0 && text[0] is '+' or '-' ? 1 : 0;
        if (start == text.Length)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>(\+|-)?\d+(\.\d+)?</c>.</summary>
    private static bool IsDecimal(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? IsInteger(text) : IsInteger(text[..point]) && point + 1 < text.Length && IsInteger(text[(point + 1)..]) && char.IsAsciiDigit(text[point + 1]);
    }
}
