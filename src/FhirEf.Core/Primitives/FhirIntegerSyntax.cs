namespace FhirEf.Core.Primitives;

/// <summary>
/// The R4 integer types: <c>integer</c> (<c>-?([0]|([1-9][0-9]*))</c>, 32-bit signed),
/// <c>positiveInt</c> (<c>[1-9][0-9]*</c>, 1 … 2,147,483,647) and <c>unsignedInt</c>
/// (<c>[0]|([1-9][0-9]*)</c>, 0 … 2,147,483,647). No "+", no leading zeros, no fraction or exponent.
/// </summary>
public static class FhirIntegerSyntax
{
    public static bool TryParseInteger(ReadOnlySpan<char> text, out int value) => TryParse(text, allowSign: true, out value);

    public static bool TryParsePositiveInt(ReadOnlySpan<char> text, out int value) =>
        TryParse(text, allowSign: false, out value) && value >= 1;

    public static bool TryParseUnsignedInt(ReadOnlySpan<char> text, out int value) => TryParse(text, allowSign: false, out value);

    private static bool TryParse(ReadOnlySpan<char> text, bool allowSign, out int value)
    {
        value = 0;
        var negative = allowSign && !text.IsEmpty && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }

        long magnitude = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            magnitude = (magnitude * 10) + (c - '0');
            if (magnitude > (long)int.MaxValue + 1)
            {
                return false;
            }
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed > int.MaxValue)
        {
            return false;
        }

        value = (int)signed;
        return true;
    }
}
