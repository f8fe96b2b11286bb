namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// Adding and subtracting time-valued quantities to dates, dateTimes and times with calendar
/// semantics (FHIRPath N1 §Date/Time Arithmetic): years and months respect month lengths (the
/// 31st plus a month is the last day of the next month), the fraction of a quantity is ignored, a
/// quantity finer than the value's precision is first converted to that precision (<c>@2014 + 24
/// months</c> is <c>@2016</c>), and the definite UCUM durations <c>'a'</c> and <c>'mo'</c> are refused.
/// </summary>
internal static class TemporalArithmetic
{
    private enum Step
    {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        Millisecond,
    }

    public static TemporalValue Add(TemporalValue value, FhirPathQuantity quantity, int sign)
    {
        var (step, multiplier) = StepOf(quantity);
        var amount = decimal.Truncate(quantity.Value) * multiplier * sign;
        switch (value)
        {
            case FhirPathTime when step < Step.Hour:
                throw new FhirPathEvaluationException($"A time cannot be shifted by {quantity}: use hours, minutes, seconds or milliseconds.");
            case FhirPathDate when step > Step.Day:
                throw new FhirPathEvaluationException($"A date cannot be shifted by {quantity}: use years, months, weeks or days.");
        }

        var precisionStep = value.Precision == TemporalPrecision.Second ? Step.Millisecond : (Step)(int)value.Precision;
        if (step > precisionStep)
        {
            amount = decimal.Truncate(amount * Seconds(step) / Seconds(precisionStep, step));
            step = precisionStep;
        }

        try
        {
            return Shift(value, step, amount);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FhirPathEvaluationException($"Adding {quantity} to {value} leaves the range of dates.");
        }
        catch (OverflowException)
        {
            throw new FhirPathEvaluationException($"Adding {quantity} to {value} leaves the range of dates.");
        }
    }

    private static TemporalValue Shift(TemporalValue value, Step step, decimal amount)
    {
        if (value is FhirPathTime time)
        {
            var ticks = (new TimeSpan(time.Hour, time.Minute, 0).Ticks + (long)(time.Second * TimeSpan.TicksPerSecond) + Ticks(step, amount)) % TimeSpan.TicksPerDay;
            var shifted = new TimeSpan(ticks < 0 ? ticks + TimeSpan.TicksPerDay : ticks);
            return new FhirPathTime(shifted.Hours, shifted.Minutes, shifted.Seconds + ((decimal)(shifted.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond), FractionDigits(time, step), time.Precision);
        }

        var whole = (int)decimal.Truncate(value.Second);
        var start = new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, whole, DateTimeKind.Unspecified)
            .AddTicks((long)((value.Second - whole) * TimeSpan.TicksPerSecond));
        var result = step switch
        {
            Step.Year => start.AddYears(checked((int)amount)),
            Step.Month => start.AddMonths(checked((int)amount)),
            _ => start.AddTicks(Ticks(step, amount)),
        };

        var second = result.Second + ((decimal)(result.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond);
        return value switch
        {
            FhirPathDate date => new FhirPathDate(result.Year, result.Month, result.Day, date.Precision),
            _ => new FhirPathDateTime(result.Year, result.Month, result.Day, result.Hour, result.Minute, second, FractionDigits(value, step), value.Precision, value.Offset),
        };
    }

    private static int FractionDigits(TemporalValue value, Step step) =>
        step == Step.Millisecond ? Math.Max(value.FractionDigits, 3) : value.FractionDigits;

    private static long Ticks(Step step, decimal amount) => checked((long)(amount * step switch
    {
        Step.Day => TimeSpan.TicksPerDay,
        Step.Hour => TimeSpan.TicksPerHour,
        Step.Minute => TimeSpan.TicksPerMinute,
        Step.Second => TimeSpan.TicksPerSecond,
        _ => TimeSpan.TicksPerMillisecond,
    }));

    /// <summary>The length of a step in seconds; a year counts 12 months when converting months, otherwise 365 days.</summary>
    private static decimal Seconds(Step step, Step? from = null) => step switch
    {
        Step.Year when from == Step.Month => 12m * 30m * 86400m,
        Step.Year => 365m * 86400m,
        Step.Month => 30m * 86400m,
        Step.Day => 86400m,
        Step.Hour => 3600m,
        Step.Minute => 60m,
        Step.Second => 1m,
        _ => 0.001m,
    };

    private static (Step Step, int Multiplier) StepOf(FhirPathQuantity quantity) => quantity.Unit switch
    {
        "year" => (Step.Year, 1),
        "month" => (Step.Month, 1),
        "week" or "wk" => (Step.Day, 7),
        "day" or "d" => (Step.Day, 1),
        "hour" or "h" => (Step.Hour, 1),
        "minute" or "min" => (Step.Minute, 1),
        "second" or "s" => (Step.Second, 1),
        "millisecond" or "ms" => (Step.Millisecond, 1),
        "a" or "mo" => throw new FhirPathEvaluationException(
            $"'{quantity.Unit}' is a definite duration of variable calendar length; use the calendar keyword ({(quantity.Unit == "a" ? "year" : "month")}) in date arithmetic."),
        _ => throw new FhirPathEvaluationException($"'{quantity.Unit}' is not a time unit: a date or time can only be shifted by a time-valued quantity."),
    };
}
