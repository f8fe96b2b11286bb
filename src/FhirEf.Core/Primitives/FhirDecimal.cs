using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FhirEf.Core.Primitives;

/// <summary>
/// A FHIR <c>decimal</c> kept exactly: the text as written ("1.50", "1.5e3") and the
/// <see cref="decimal"/> parsed from that text, never through <see cref="double"/>. It also carries the
/// range its precision implies (R4 search.html#number: "100" means [99.5, 100.5), "1.50" means
/// [1.495, 1.505): half a unit of the last significant digit either side).
/// </summary>
/// <remarks>
/// FHIR puts no limit on a decimal's digits, but FhirEf stores them as <see cref="decimal"/>: values
/// with more than <see cref="MaxDigits"/> significant digits or decimal places (counting the digit the
/// precision bounds add) are rejected as out of range rather than rounded.
/// </remarks>
public readonly record struct FhirDecimal
{
    /// <summary>Digits and decimal places FhirEf keeps exactly, leaving one for the precision bounds.</summary>
    public const int MaxDigits = 27;

    private const int MaxExponent = 10_000;

    private readonly string _text;

    private FhirDecimal(string text, decimal value, decimal halfUnit)
    {
        _text = text;
        Value = value;
        LowerBound = value - halfUnit;
        UpperBound = value + halfUnit;
    }

    /// <summary>The value, with the scale written ("1.50" keeps two decimal places).</summary>
    public decimal Value { get; }

    /// <summary>Inclusive lower bound of the implied precision range.</summary>
    public decimal LowerBound { get; }

    /// <summary>Exclusive upper bound of the implied precision range.</summary>
    public decimal UpperBound { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out FhirDecimal value)
    {
        value = default;
        if (text is null || Check(text, out var scale) != DecimalTextStatus.Valid)
        {
            return false;
        }

        var parsed = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        value = new FhirDecimal(text, parsed, HalfUnit(scale));
        return true;
    }

    /// <summary>True when the text matches the R4 decimal regex, whether or not FhirEf can hold it.</summary>
    public static bool IsValidSyntax(ReadOnlySpan<char> text) => Check(text, out _) != DecimalTextStatus.InvalidSyntax;

    public override string ToString() => _text ?? string.Empty;

    /// <summary>
    /// Scans <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c> and decides whether the value fits:
    /// <paramref name="scale"/> is the power of ten of the last written digit, negated (2 for "1.50", -2 for "1.5e3").
    /// </summary>
    internal static DecimalTextStatus Check(ReadOnlySpan<char> text, out int scale)
    {
        scale = 0;
        var position = 0;
        if (position < text.Length && text[position] == '-')
        {
            position++;
        }

        var integerStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        var integerDigits = text[integerStart..position];
        if (integerDigits.IsEmpty || (integerDigits.Length > 1 && integerDigits[0] == '0'))
        {
            return DecimalTextStatus.InvalidSyntax;
        }

        var fractionDigits = ReadOnlySpan<char>.Empty;
        if (position < text.Length && text[position] == '.')
        {
            var fractionStart = ++position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            fractionDigits = text[fractionStart..position];
            if (fractionDigits.IsEmpty)
            {
                return DecimalTextStatus.InvalidSyntax;
            }
        }

        var exponent = 0;
        if (position < text.Length && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            var negative = false;
            if (position < text.Length && (text[position] == '+' || text[position] == '-'))
            {
                negative = text[position] == '-';
                position++;
            }

            var exponentStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                exponent = Math.Min((exponent * 10) + (text[position] - '0'), MaxExponent);
                position++;
            }

            if (position == exponentStart)
            {
                return DecimalTextStatus.InvalidSyntax;
            }

            exponent = negative ? -exponent : exponent;
        }

        if (position != text.Length)
        {
            return DecimalTextStatus.InvalidSyntax;
        }

        scale = fractionDigits.Length - exponent;
        var significantDigits = SignificantDigits(integerDigits, fractionDigits);
        var integerZeros = Math.Max(0, -scale);
        return exponent == MaxExponent || exponent == -MaxExponent || scale > MaxDigits || significantDigits + integerZeros > MaxDigits
            ? DecimalTextStatus.OutOfRange
            : DecimalTextStatus.Valid;
    }

    private static int SignificantDigits(ReadOnlySpan<char> integerDigits, ReadOnlySpan<char> fractionDigits)
    {
        var leadingZeros = integerDigits.IndexOfAnyExcept('0');
        if (leadingZeros >= 0)
        {
            return integerDigits.Length - leadingZeros + fractionDigits.Length;
        }

        var fractionLeadingZeros = fractionDigits.IndexOfAnyExcept('0');
        return fractionLeadingZeros < 0 ? 0 : fractionDigits.Length - fractionLeadingZeros;
    }

    /// <summary>5 × 10^-(scale + 1): half a unit of the last written digit.</summary>
    private static decimal HalfUnit(int scale)
    {
        if (scale >= 0)
        {
            return new decimal(5, 0, 0, false, (byte)(scale + 1));
        }

        var half = 5m;
        for (var i = 1; i < -scale; i++)
        {
            half *= 10;
        }

        return half;
    }
}
