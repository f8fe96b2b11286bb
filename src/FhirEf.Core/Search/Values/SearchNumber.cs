using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FhirEf.Core.Search.Values;

/// <summary>
/// A number search value and the range its significant digits imply (R4 search §3.1.1.4.6):
/// <c>100</c> → [99.5, 100.5), <c>100.00</c> → [99.995, 100.005), <c>1e2</c> → [95, 105).
/// </summary>
public readonly record struct SearchNumber(decimal Value, decimal Low, decimal High)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out SearchNumber value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var exponentAt = text.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0 && (!int.TryParse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 20))
        {
            return false;
        }

        if (!decimal.TryParse(mantissa, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || mantissa.EndsWith('.') || mantissa.StartsWith('.'))
        {
            return false;
        }

        // Half a unit of the last significant digit: 100 → 0.5, 1.50 → 0.005, 1e2 → 5.
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        var halfUnit = 0.5m * Pow10(exponent - decimals);
        var scaled = number * Pow10(exponent);
        value = new SearchNumber(scaled, scaled - halfUnit, scaled + halfUnit);
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10;
        }

        return exponent < 0 ? 1 / result : result;
    }
}
