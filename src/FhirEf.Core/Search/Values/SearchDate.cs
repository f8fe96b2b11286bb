using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FhirEf.Core.Primitives;

namespace FhirEf.Core.Search.Values;

/// <summary>
/// A date search value and the inclusive instant range its precision implies (R4 search §3.1.1.4.7):
/// <c>yyyy[-mm[-dd[Thh:mm[:ss[.fff]][Z|±hh:mm]]]]</c>. Minutes are required with an hour; a time
/// without a zone is taken as UTC (as stored values are); <c>:</c> may arrive escaped and is accepted.
/// </summary>
public readonly record struct SearchDate(DateTimeOffset Start, DateTimeOffset End)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out SearchDate value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var span = text.AsSpan();
        var position = 0;
        if (!DateTimeParser.TryParseDate(span, ref position, out var date))
        {
            return false;
        }

        if (position == span.Length)
        {
            (var start, var end) = date.GetRange();
            value = new SearchDate(start, end);
            return true;
        }

        if (date.Precision != DateTimePrecision.Day || span[position] != 'T')
        {
            return false;
        }

        position++;
        if (!TwoDigits(span, ref position, out var hour) || hour > 23 || !Colon(span, ref position) || !TwoDigits(span, ref position, out var minute) || minute > 59)
        {
            return false;
        }

        var second = 0;
        var fraction = 0L;
        var unit = TimeSpan.TicksPerMinute;
        if (position < span.Length && span[position] == ':')
        {
            position++;
            if (!TwoDigits(span, ref position, out second) || second > 59)
            {
                return false;
            }

            unit = TimeSpan.TicksPerSecond;
            if (position < span.Length && span[position] == '.')
            {
                position++;
                var digits = 0;
                while (position < span.Length && char.IsAsciiDigit(span[position]))
                {
                    if (digits < 7)
                    {
                        fraction = (fraction * 10) + (span[position] - '0');
                        digits++;
                    }

                    position++;
                }

                if (digits == 0)
                {
                    return false;
                }

                unit = (long)Math.Pow(10, 7 - digits);
                fraction *= unit;
            }
        }

        var offset = TimeSpan.Zero;
        if (position < span.Length)
        {
            if (span[position] == 'Z' && position == span.Length - 1)
            {
                position++;
            }
            else if (span[position] is '+' or '-' && span.Length - position == 6)
            {
                var sign = span[position] == '-' ? -1 : 1;
                position++;
                if (!TwoDigits(span, ref position, out var offsetHours) || offsetHours > 14 || !Colon(span, ref position) || !TwoDigits(span, ref position, out var offsetMinutes) || offsetMinutes > 59)
                {
                    return false;
                }

                offset = sign * new TimeSpan(offsetHours, offsetMinutes, 0);
            }
            else
            {
                return false;
            }
        }

        var local = new DateTime(date.Year, date.Month, date.Day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
        var instant = new DateTimeOffset(local, offset).ToUniversalTime();
        value = new SearchDate(instant, instant.AddTicks(unit - 1));
        return true;
    }

    public override string ToString() =>
        $"[{Start.ToString("O", CultureInfo.InvariantCulture)}, {End.ToString("O", CultureInfo.InvariantCulture)}]";

    private static bool TwoDigits(ReadOnlySpan<char> text, ref int position, out int value)
    {
        value = 0;
        if (position + 2 > text.Length || !char.IsAsciiDigit(text[position]) || !char.IsAsciiDigit(text[position + 1]))
        {
            return false;
        }

        value = ((text[position] - '0') * 10) + (text[position + 1] - '0');
        position += 2;
        return true;
    }

    private static bool Colon(ReadOnlySpan<char> text, ref int position)
    {
        if (position < text.Length && text[position] == ':')
        {
            position++;
            return true;
        }

        return false;
    }
}
