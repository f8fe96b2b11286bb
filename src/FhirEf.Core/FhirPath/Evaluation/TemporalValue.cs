using System.Globalization;
using System.Text;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The shared core of <see cref="FhirPathDate"/>, <see cref="FhirPathDateTime"/> and
/// <see cref="FhirPathTime"/>: components down to <see cref="Precision"/>, seconds as a decimal
/// (so <c>31</c> and <c>31.0</c> compare equal) and an optional timezone offset.
/// </summary>
public abstract class TemporalValue
{
    private protected TemporalValue(int year, int month, int day, int hour, int minute, decimal second, int fractionDigits, TemporalPrecision precision, TimeSpan? offset)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        FractionDigits = fractionDigits;
        Precision = precision;
        Offset = offset;
    }

    public int Year { get; }

    /// <summary>1–12, or 1 when coarser than the precision.</summary>
    public int Month { get; }

    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    /// <summary>Seconds with their fraction (28.123).</summary>
    public decimal Second { get; }

    /// <summary>How many fraction digits the seconds were written with (3 for <c>28.123</c>).</summary>
    public int FractionDigits { get; }

    public TemporalPrecision Precision { get; }

    public TimeSpan? Offset { get; }

    /// <summary>
    /// Compares two values component by component from the coarsest (FHIRPath N1 §Comparison):
    /// the sign of the first difference, 0 when equal to the same precision, or null when the
    /// values agree as far as both go but one is more precise, so the order is unknown.
    /// </summary>
    /// <remarks>
    /// Values with offsets on both sides are compared in UTC. When only one side has an offset no
    /// default offset is assumed: a difference in the date decides, and a comparison that needs the
    /// time of day is unknown (null).
    /// </remarks>
    internal static int? Compare(TemporalValue left, TemporalValue right)
    {
        var l = left.Components();
        var r = right.Components();
        var hasTime = left.Precision >= TemporalPrecision.Hour && right.Precision >= TemporalPrecision.Hour;
        var mixedOffsets = hasTime && left.Offset.HasValue != right.Offset.HasValue;
        if (hasTime && left.Offset.HasValue && right.Offset.HasValue && left.Offset != right.Offset)
        {
            l = left.ToUtcComponents();
            r = right.ToUtcComponents();
        }

        var common = (TemporalPrecision)Math.Min((int)left.Precision, (int)right.Precision);
        for (var level = TemporalPrecision.Year; level <= common; level++)
        {
            if (mixedOffsets && level >= TemporalPrecision.Hour)
            {
                return null;
            }

            var difference = level == TemporalPrecision.Second ? l.Second.CompareTo(r.Second) : l.Get(level).CompareTo(r.Get(level));
            if (difference != 0)
            {
                return Math.Sign(difference);
            }
        }

        return left.Precision == right.Precision ? 0 : null;
    }

    private protected Parts Components() => new(Year, Month, Day, Hour, Minute, Second);

    private Parts ToUtcComponents()
    {
        var local = new DateTime(Math.Max(Year, 1), Month, Day, Hour, Minute, 0, DateTimeKind.Unspecified);
        if (local.Ticks < Offset!.Value.Ticks || DateTime.MaxValue.Ticks - local.Ticks < -Offset.Value.Ticks)
        {
            return Components();
        }

        var utc = local - Offset.Value;
        return new Parts(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, Second);
    }

    /// <summary>Appends <c>hh(:mm(:ss(.fff)))</c> down to the precision.</summary>
    private protected void AppendTime(StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"{Hour:00}");
        if (Precision >= TemporalPrecision.Minute)
        {
            text.Append(CultureInfo.InvariantCulture, $":{Minute:00}");
        }

        if (Precision >= TemporalPrecision.Second)
        {
            var whole = (int)Math.Truncate(Second);
            text.Append(CultureInfo.InvariantCulture, $":{whole:00}");
            if (FractionDigits > 0)
            {
                var fraction = decimal.Round(Second - whole, FractionDigits, MidpointRounding.ToZero).ToString("F" + FractionDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                text.Append(fraction.AsSpan(fraction.IndexOf('.')));
            }
        }
    }

    /// <summary>Reads <c>YYYY(-MM(-DD)?)?</c>; the precision is how far it got.</summary>
    private protected static bool TryReadDate(ReadOnlySpan<char> text, ref int position, out int year, out int month, out int day, out TemporalPrecision precision)
    {
        month = 1;
        day = 1;
        precision = TemporalPrecision.Year;
        if (!TryReadNumber(text, ref position, 4, out year) || year < 1)
        {
            return false;
        }

        if (position < text.Length && text[position] == '-')
        {
            position++;
            if (!TryReadNumber(text, ref position, 2, out month) || month is < 1 or > 12)
            {
                return false;
            }

            precision = TemporalPrecision.Month;
            if (position < text.Length && text[position] == '-')
            {
                position++;
                if (!TryReadNumber(text, ref position, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }

                precision = TemporalPrecision.Day;
            }
        }

        return true;
    }

    /// <summary>Reads <c>hh(:mm(:ss(.f+)?)?)?</c>; the precision is how far it got.</summary>
    private protected static bool TryReadTime(ReadOnlySpan<char> text, ref int position, out int hour, out int minute, out decimal second, out int fractionDigits, out TemporalPrecision precision)
    {
        minute = 0;
        second = 0;
        fractionDigits = 0;
        precision = TemporalPrecision.Hour;
        if (!TryReadNumber(text, ref position, 2, out hour) || hour > 23)
        {
            return false;
        }

        if (position < text.Length && text[position] == ':')
        {
            position++;
            if (!TryReadNumber(text, ref position, 2, out minute) || minute > 59)
            {
                return false;
            }

            precision = TemporalPrecision.Minute;
            if (position < text.Length && text[position] == ':')
            {
                position++;
                if (!TryReadNumber(text, ref position, 2, out var whole) || whole > 59)
                {
                    return false;
                }

                precision = TemporalPrecision.Second;
                second = whole;
                if (position < text.Length && text[position] == '.')
                {
                    var start = ++position;
                    while (position < text.Length && char.IsAsciiDigit(text[position]))
                    {
                        position++;
                    }

                    fractionDigits = position - start;
                    if (fractionDigits == 0 || fractionDigits > 9)
                    {
                        return false;
                    }

                    second += decimal.Parse(text[(start - 1)..position], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                }
            }
        }

        return true;
    }

    /// <summary>Reads <c>Z</c> or <c>±hh:mm</c> when present.</summary>
    private protected static bool TryReadOffset(ReadOnlySpan<char> text, ref int position, out TimeSpan? offset)
    {
        offset = null;
        if (position >= text.Length)
        {
            return true;
        }

        if (text[position] == 'Z')
        {
            position++;
            offset = TimeSpan.Zero;
            return true;
        }

        if (text[position] is not ('+' or '-'))
        {
            return true;
        }

        var sign = text[position] == '-' ? -1 : 1;
        position++;
        if (!TryReadNumber(text, ref position, 2, out var hours) || hours > 14
            || position >= text.Length || text[position++] != ':'
            || !TryReadNumber(text, ref position, 2, out var minutes) || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private protected static void AppendOffset(StringBuilder text, TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            text.Append('Z');
            return;
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        text.Append(CultureInfo.InvariantCulture, $"{sign}{magnitude.Hours:00}:{magnitude.Minutes:00}");
    }

    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int position, int digits, out int value)
    {
        value = 0;
        if (position + digits > text.Length)
        {
            return false;
        }

        for (var i = 0; i < digits; i++)
        {
            var c = text[position + i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        position += digits;
        return true;
    }

    private protected readonly record struct Parts(int Year, int Month, int Day, int Hour, int Minute, decimal Second)
    {
        public int Get(TemporalPrecision level) => level switch
        {
            TemporalPrecision.Year => Year,
            TemporalPrecision.Month => Month,
            TemporalPrecision.Day => Day,
            TemporalPrecision.Hour => Hour,
            _ => Minute,
        };
    }
}
