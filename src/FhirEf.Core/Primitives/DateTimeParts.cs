namespace FhirEf.Core.Primitives;

/// <summary>
/// The fields of a parsed FHIR date, dateTime or instant. <see cref="Month"/>, <see cref="Day"/> and
/// the time fields are 0 when the precision does not reach them; <see cref="OffsetMinutes"/> is null
/// when no timezone was written (only possible without a time, per the R4 regexes).
/// </summary>
internal readonly record struct DateTimeParts(
    int Year,
    int Month,
    int Day,
    int Hour,
    int Minute,
    int Second,
    int FractionTicks,
    int FractionDigits,
    int? OffsetMinutes,
    DateTimePrecision Precision)
{
    private const int LeapSecond = 60;
    private const int TickDigits = 7;

    /// <summary>The first instant (UTC) the value covers; see <see cref="GetRange"/>.</summary>
    public DateTimeOffset Start => GetRange().Start;

    /// <summary>The last instant (UTC, inclusive, to the tick) the value covers; see <see cref="GetRange"/>.</summary>
    public DateTimeOffset End => GetRange().End;

    /// <summary>
    /// The inclusive UTC range of instants the value covers, to the precision written: "1980-05" covers
    /// 1980-05-01T00:00:00Z … 1980-05-31T23:59:59.9999999Z and "13:28:17.5" covers .5 … .5999999.
    /// A value without timezone is a UTC day, month or year: R4 search.html#date lets a server assume
    /// its own timezone, and FhirEf's is UTC so that ranges do not depend on the machine. A leap second
    /// (":60", allowed by the regex) is the last tick of second 59. Ranges that leave 0001-01-01 …
    /// 9999-12-31 after applying the offset are clamped to those bounds.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End) GetRange()
    {
        var date = new DateTime(Year, Math.Max(Month, 1), Math.Max(Day, 1), 0, 0, 0, DateTimeKind.Utc).Ticks;
        long start;
        long endExclusive;
        switch (Precision)
        {
            case DateTimePrecision.Year:
                start = date;
                endExclusive = Year == DateTime.MaxValue.Year ? DateTime.MaxValue.Ticks + 1 : new DateTime(Year + 1, 1, 1).Ticks;
                break;
            case DateTimePrecision.Month:
                start = date;
                endExclusive = date + (DateTime.DaysInMonth(Year, Month) * TimeSpan.TicksPerDay);
                break;
            case DateTimePrecision.Day:
                start = date;
                endExclusive = date + TimeSpan.TicksPerDay;
                break;
            default:
                var timeOfDay = (Hour * TimeSpan.TicksPerHour) + (Minute * TimeSpan.TicksPerMinute);
                if (Second == LeapSecond)
                {
                    start = date + timeOfDay + TimeSpan.TicksPerMinute - 1;
                    endExclusive = start + 1;
                }
                else
                {
                    start = date + timeOfDay + (Second * TimeSpan.TicksPerSecond) + FractionTicks;
                    endExclusive = start + FractionUnitTicks(FractionDigits);
                }

                break;
        }

        var offset = (OffsetMinutes ?? 0) * TimeSpan.TicksPerMinute;
        return (Utc(start - offset), Utc(endExclusive - 1 - offset));
    }

    /// <summary>The span the last written digit stands for: 1 s without fraction, 100 ms for one digit, one tick from seven.</summary>
    private static long FractionUnitTicks(int digits)
    {
        var unit = TimeSpan.TicksPerSecond;
        for (var i = 0; i < Math.Min(digits, TickDigits); i++)
        {
            unit /= 10;
        }

        return unit;
    }

    private static DateTimeOffset Utc(long ticks) =>
        new(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), TimeSpan.Zero);
}
