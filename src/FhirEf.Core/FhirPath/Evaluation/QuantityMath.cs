namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// Unit-aware equality, ordering and conversion of quantities (FHIRPath N1 §Quantity Equality,
/// §Comparison, §Time-valued Quantities), on top of <see cref="Ucum"/>. Calendar durations of a
/// week or less equal their UCUM counterparts (<c>7 days = 1 'wk'</c>); <c>year</c> and <c>month</c>
/// are only equivalent, not equal, to <c>'a'</c> and <c>'mo'</c>; among calendar keywords a year is
/// 12 months and otherwise 365 days, a month 30 days.
/// </summary>
internal static class QuantityMath
{
    private const decimal Normalizer = 1.0000000000000000000000000000m;

    /// <summary>True or false; false for units of different dimensions; null when a unit is not understood or a calendar year or month meets a UCUM unit.</summary>
    public static bool? AreEqual(FhirPathQuantity left, FhirPathQuantity right)
    {
        if (Compare(left, right, equivalence: false) is { } order)
        {
            return order == 0;
        }

        return UcumCode(left, equivalence: false) is { } l && UcumCode(right, equivalence: false) is { } r
            && Ucum.TryParse(l, out _) && Ucum.TryParse(r, out _)
            ? false
            : null;
    }

    public static bool AreEquivalent(FhirPathQuantity left, FhirPathQuantity right) =>
        Compare(left, right, equivalence: true) == 0;

    /// <summary>The sign of left − right, or null when the units cannot be compared.</summary>
    public static int? Compare(FhirPathQuantity left, FhirPathQuantity right) => Compare(left, right, equivalence: false);

    /// <summary>Whether both units are known and of the same dimension.</summary>
    public static bool AreComparable(FhirPathQuantity left, FhirPathQuantity right) =>
        TryGetUnits(left, right, equivalence: true, out _, out _);

    /// <summary>Converts <paramref name="quantity"/> to <paramref name="unit"/> when the units are comparable.</summary>
    public static bool TryConvert(FhirPathQuantity quantity, string unit, out FhirPathQuantity converted)
    {
        converted = quantity;
        var target = new FhirPathQuantity(0, unit);
        if (string.Equals(quantity.Unit, target.Unit, StringComparison.Ordinal))
        {
            return true;
        }

        if (!TryGetUnits(quantity, target, equivalence: false, out var from, out var to))
        {
            return false;
        }

        try
        {
            converted = new FhirPathQuantity(Ucum.FromBase(Ucum.ToBase(quantity.Value, from), to), target.Unit);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The unit with the smaller factor of two comparable units ("most granular"), for sums and differences.</summary>
    public static bool TryGetFinerUnit(FhirPathQuantity left, FhirPathQuantity right, out string unit)
    {
        unit = left.Unit;
        if (string.Equals(left.Unit, right.Unit, StringComparison.Ordinal))
        {
            return true;
        }

        if (!TryGetUnits(left, right, equivalence: false, out var l, out var r))
        {
            return false;
        }

        unit = r.Factor < l.Factor ? right.Unit : left.Unit;
        return true;
    }

    public static int NormalizedScale(decimal value) => (value / Normalizer).Scale;

    private static int? Compare(FhirPathQuantity left, FhirPathQuantity right, bool equivalence)
    {
        if (string.Equals(left.Unit, right.Unit, StringComparison.Ordinal))
        {
            return equivalence ? CompareRounded(left.Value, NormalizedScale(left.Value), right.Value, NormalizedScale(right.Value)) : left.Value.CompareTo(right.Value);
        }

        if (!TryGetUnits(left, right, equivalence, out var l, out var r))
        {
            return null;
        }

        try
        {
            var leftBase = Ucum.ToBase(left.Value, l);
            var rightBase = Ucum.ToBase(right.Value, r);
            if (!equivalence)
            {
                return leftBase.CompareTo(rightBase);
            }

            return CompareRounded(leftBase, ScaleInBase(left.Value, l), rightBase, ScaleInBase(right.Value, r));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static int CompareRounded(decimal left, int leftScale, decimal right, int rightScale)
    {
        var scale = Math.Min(leftScale, rightScale);
        return Round(left, scale).CompareTo(Round(right, scale));
    }

    private static decimal Round(decimal value, int scale)
    {
        if (scale >= 0)
        {
            return decimal.Round(value, Math.Min(scale, 28), MidpointRounding.AwayFromZero);
        }

        var factor = 1m;
        for (var i = 0; i < -scale && factor < 1e27m; i++)
        {
            factor *= 10;
        }

        return decimal.Round(value / factor, 0, MidpointRounding.AwayFromZero) * factor;
    }

    /// <summary>The number of decimals a value written in a unit has once expressed in base units.</summary>
    private static int ScaleInBase(decimal value, UcumUnit unit) =>
        NormalizedScale(value) - (int)Math.Round(Math.Log10((double)unit.Factor));

    private static bool TryGetUnits(FhirPathQuantity left, FhirPathQuantity right, bool equivalence, out UcumUnit leftUnit, out UcumUnit rightUnit)
    {
        leftUnit = rightUnit = UcumUnit.Unity;
        if (left.IsCalendarDuration && right.IsCalendarDuration)
        {
            leftUnit = CalendarUnit(left.Unit, right.Unit);
            rightUnit = CalendarUnit(right.Unit, left.Unit);
            return true;
        }

        return UcumCode(left, equivalence) is { } leftCode
            && UcumCode(right, equivalence) is { } rightCode
            && Ucum.TryParse(leftCode, out leftUnit)
            && Ucum.TryParse(rightCode, out rightUnit)
            && leftUnit.IsComparableTo(rightUnit);
    }

    /// <summary>The UCUM code for a quantity's unit; null for year and month, which only equivalence maps to 'a' and 'mo'.</summary>
    private static string? UcumCode(FhirPathQuantity quantity, bool equivalence) => quantity.Unit switch
    {
        "year" => equivalence ? "a" : null,
        "month" => equivalence ? "mo" : null,
        "week" => "wk",
        "day" => "d",
        "hour" => "h",
        "minute" => "min",
        "second" => "s",
        "millisecond" => "ms",
        _ => quantity.Unit,
    };

    /// <summary>Calendar keywords as units in seconds; a year against a month counts in months.</summary>
    private static UcumUnit CalendarUnit(string unit, string other)
    {
        var inMonths = unit is "year" or "month" && other is "year" or "month";
        var factor = unit switch
        {
            "year" => inMonths ? 12m : 365m * 86400m,
            "month" => inMonths ? 1m : 30m * 86400m,
            "week" => 7m * 86400m,
            "day" => 86400m,
            "hour" => 3600m,
            "minute" => 60m,
            "second" => 1m,
            _ => 0.001m,
        };

        return new UcumUnit(factor, new UcumDimension(0, 1, 0, 0, 0, 0, 0, 0));
    }
}
