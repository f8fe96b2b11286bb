namespace FhirEf.Core.Primitives;

/// <summary>
/// Hand-written scanners for the R4 date, dateTime, instant and time regexes
/// (profiles-types.json, extension <c>http://hl7.org/fhir/StructureDefinition/regex</c>), plus the
/// calendar check the regexes leave out (no 1990-02-30). Each reads from <c>position</c> and
/// advances it past what it accepted.
/// </summary>
internal static class DateTimeParser
{
    /// <summary>
    /// <c>YYYY(-MM(-DD)?)?</c> with year 0001–9999:
    /// <c>([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?</c>.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, ref int position, out DateTimeParts parts)
    {
        parts = default;
        if (!TryReadDigits(text, ref position, 4, out var year) || year == 0)
        {
            return false;
        }

        if (position == text.Length || text[position] != '-')
        {
            parts = new DateTimeParts(year, 0, 0, 0, 0, 0, 0, 0, null, DateTimePrecision.Year);
            return true;
        }

        position++;
        if (!TryReadDigits(text, ref position, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (position == text.Length || text[position] != '-')
        {
            parts = new DateTimeParts(year, month, 0, 0, 0, 0, 0, 0, null, DateTimePrecision.Month);
            return true;
        }

        position++;
        if (!TryReadDigits(text, ref position, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        parts = new DateTimeParts(year, month, day, 0, 0, 0, 0, 0, null, DateTimePrecision.Day);
        return true;
    }

    /// <summary><c>([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?</c>: no 24:00, seconds required, any number of fraction digits.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, ref int position, out int hour, out int minute, out int second, out int fractionTicks, out int fractionDigits)
    {
        minute = second = fractionTicks = fractionDigits = 0;
        if (!TryReadDigits(text, ref position, 2, out hour) || hour > 23
            || !TryRead(text, ref position, ':')
            || !TryReadDigits(text, ref position, 2, out minute) || minute > 59
            || !TryRead(text, ref position, ':')
            || !TryReadDigits(text, ref position, 2, out second) || second > 60)
        {
            return false;
        }

        if (position == text.Length || text[position] != '.')
        {
            return true;
        }

        position++;
        var scale = (int)TimeSpan.TicksPerSecond;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            scale /= 10;
            fractionTicks += (text[position] - '0') * scale;
            fractionDigits++;
            position++;
        }

        return fractionDigits > 0;
    }

    /// <summary><c>Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)</c>, as minutes east of UTC.</summary>
    public static bool TryParseOffset(ReadOnlySpan<char> text, ref int position, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (position == text.Length)
        {
            return false;
        }

        var sign = text[position++];
        if (sign == 'Z')
        {
            return true;
        }

        if ((sign != '+' && sign != '-')
            || !TryReadDigits(text, ref position, 2, out var hours) || hours > 14
            || !TryRead(text, ref position, ':')
            || !TryReadDigits(text, ref position, 2, out var minutes) || minutes > 59
            || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offsetMinutes = (sign == '-' ? -1 : 1) * ((hours * 60) + minutes);
        return true;
    }

    /// <summary>A date, then optionally <c>T</c>, a time and a required offset (dateTime and, with <paramref name="requireTime"/>, instant).</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, bool requireTime, out DateTimeParts parts)
    {
        var position = 0;
        if (!TryParseDate(text, ref position, out parts))
        {
            return false;
        }

        if (position == text.Length)
        {
            return !requireTime;
        }

        if (parts.Precision != DateTimePrecision.Day || text[position] != 'T')
        {
            return false;
        }

        position++;
        if (!TryParseTime(text, ref position, out var hour, out var minute, out var second, out var fractionTicks, out var fractionDigits)
            || !TryParseOffset(text, ref position, out var offset)
            || position != text.Length)
        {
            return false;
        }

        parts = parts with
        {
            Hour = hour,
            Minute = minute,
            Second = second,
            FractionTicks = fractionTicks,
            FractionDigits = fractionDigits,
            OffsetMinutes = offset,
            Precision = DateTimePrecision.Second,
        };
        return true;
    }

    private static bool TryRead(ReadOnlySpan<char> text, ref int position, char expected)
    {
        if (position < text.Length && text[position] == expected)
        {
            position++;
            return true;
        }

        return false;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> text, ref int position, int count, out int value)
    {
        value = 0;
        if (position + count > text.Length)
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            var c = text[position + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        position += count;
        return true;
    }
}
