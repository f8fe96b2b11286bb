using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// The FHIRPath 2.1 functions on the precision of values: lowBoundary, highBoundary, precision and
/// comparable. A decimal stands for the interval its digits allow (1.587 is [1.5865, 1.5875)); a
/// partial date or time for the instants it covers, with an unknown offset taken as +14:00 for the
/// low and −12:00 for the high boundary.
/// </summary>
internal static class BoundaryFunctions
{
    private const int DefaultDecimalPrecision = 8;
    private const int MaxDecimalPrecision = 28;

    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("lowBoundary", 0, 1, call => Boundary(call, high: false)),
        new("highBoundary", 0, 1, call => Boundary(call, high: true)),
        new("precision", _ => static (input, _, _) => Singletons.Value(input, "precision()") switch
        {
            null => FhirPathCollection.Empty,
            int => FhirPathCollection.Of(SystemValues.Box(0)),
            decimal d => FhirPathCollection.Of(SystemValues.Box(d.Scale)),
            FhirPathTime t => FhirPathCollection.Of(SystemValues.Box(Digits(t.Precision, t.FractionDigits) - 8)),
            TemporalValue t => FhirPathCollection.Of(SystemValues.Box(Digits(t.Precision, t.FractionDigits))),
            var other => throw new FhirPathEvaluationException($"precision() does not apply to {TypeChecks.Describe(other)}."),
        }),
        new("comparable", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) =>
                Singletons.Value(input, "comparable()") is FhirPathQuantity left && Singletons.Value(other(focus, context), "comparable()") is FhirPathQuantity right
                    ? FhirPathCollection.Of(QuantityMath.AreComparable(left, right))
                    : FhirPathCollection.Empty;
        }),
    ];

    private static FunctionBody Boundary(FunctionCall call, bool high)
    {
        var precisionArgument = call.OptionalArgument(0);
        var function = high ? "highBoundary()" : "lowBoundary()";
        return (input, focus, context) =>
        {
            var precision = precisionArgument is null ? null : Singletons.Integer(precisionArgument(focus, context), function);
            if (precisionArgument is not null && precision is null)
            {
                return FhirPathCollection.Empty;
            }

            return Singletons.Value(input, function) switch
            {
                null => FhirPathCollection.Empty,
                int i => Singletons.Of(DecimalBoundary(i, precision ?? DefaultDecimalPrecision, high)),
                decimal d => Singletons.Of(DecimalBoundary(d, precision ?? DefaultDecimalPrecision, high)),
                FhirPathQuantity q => DecimalBoundary(q.Value, precision ?? DefaultDecimalPrecision, high) is { } value
                    ? FhirPathCollection.Of(new FhirPathQuantity(value, q.Unit))
                    : FhirPathCollection.Empty,
                TemporalValue t => Singletons.Of(TemporalBoundary(t, precision, high)),
                var other => throw new FhirPathEvaluationException($"{function} does not apply to {TypeChecks.Describe(other)}."),
            };
        };
    }

    /// <summary>
    /// The bound of the interval a decimal's digits stand for, written with <paramref name="precision"/>
    /// decimals. When that is fewer digits than the bound has, the bound is cut one digit past the
    /// precision and then rounded outwards, which reproduces the reference results of the official suite.
    /// </summary>
    private static decimal? DecimalBoundary(decimal value, int precision, bool high)
    {
        if (precision is < 0 or > MaxDecimalPrecision)
        {
            return null;
        }

        var scale = value.Scale;
        var half = 0.5m * Pow10(-scale);
        var bound = high ? value + half : value - half;
        if (precision > scale)
        {
            return SetScale(bound, precision);
        }

        var cut = decimal.Truncate(bound * Pow10(precision + 1)) / Pow10(precision + 1);
        var step = Pow10(precision);
        var rounded = (high ? decimal.Ceiling(cut * step) : decimal.Floor(cut * step)) / step;
        return SetScale(rounded, precision);
    }

    private static TemporalValue? TemporalBoundary(TemporalValue value, int? digits, bool high)
    {
        var precision = digits is null ? TemporalPrecision.Second : PrecisionOf(value, digits.Value);
        if (precision is not { } target)
        {
            return null;
        }

        var month = value.Precision >= TemporalPrecision.Month ? value.Month : high ? 12 : 1;
        var day = value.Precision >= TemporalPrecision.Day ? value.Day : high ? DateTime.DaysInMonth(value.Year, month) : 1;
        var hour = value.Precision >= TemporalPrecision.Hour ? value.Hour : high ? 23 : 0;
        var minute = value.Precision >= TemporalPrecision.Minute ? value.Minute : high ? 59 : 0;
        var second = value.Precision >= TemporalPrecision.Second
            ? (high && value.FractionDigits < 3 ? value.Second + (Pow10(-value.FractionDigits) - 0.001m) : value.Second)
            : high ? 59.999m : 0m;
        return value switch
        {
            FhirPathDate => target <= TemporalPrecision.Day ? new FhirPathDate(value.Year, month, day, target) : null,
            FhirPathTime => target >= TemporalPrecision.Hour ? new FhirPathTime(hour, minute, second, 3, target) : null,
            _ => new FhirPathDateTime(value.Year, month, day, hour, minute, second, 3, target,
                value.Offset ?? (high ? new TimeSpan(-12, 0, 0) : new TimeSpan(14, 0, 0))),
        };
    }

    /// <summary>The precision a digit count names: 4 year, 6 month, 8 day, 10 hour, 12 minute, 14 or 17 second (times count from the hour: 2, 4, 6, 9).</summary>
    private static TemporalPrecision? PrecisionOf(TemporalValue value, int digits)
    {
        if (value is FhirPathTime)
        {
            digits += 8;
        }

        return digits switch
        {
            4 => TemporalPrecision.Year,
            6 => TemporalPrecision.Month,
            8 => TemporalPrecision.Day,
            10 => TemporalPrecision.Hour,
            12 => TemporalPrecision.Minute,
            14 or 17 => TemporalPrecision.Second,
            _ => null,
        };
    }

    private static int Digits(TemporalPrecision precision, int fractionDigits) => precision switch
    {
        TemporalPrecision.Year => 4,
        TemporalPrecision.Month => 6,
        TemporalPrecision.Day => 8,
        TemporalPrecision.Hour => 10,
        TemporalPrecision.Minute => 12,
        _ => fractionDigits > 0 ? 17 : 14,
    };

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent < 0 ? 1m / result : result;
    }

    private static decimal SetScale(decimal value, int scale)
    {
        var rounded = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        var bits = decimal.GetBits(rounded);
        var current = (bits[3] >> 16) & 0xFF;
        return current >= scale ? rounded : rounded + new decimal(0, 0, 0, false, (byte)scale);
    }
}
