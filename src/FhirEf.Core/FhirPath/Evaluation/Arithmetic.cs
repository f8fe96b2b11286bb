namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The math operators on single System values (FHIRPath N1 §Math, §Date/Time Arithmetic). A result
/// of null is the empty collection: overflow, division by zero, or quantities whose units cannot be
/// combined. Operand types the operator does not support are an error.
/// </summary>
internal static class Arithmetic
{
    public static object? Add(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int a, int b) => SystemValues.Box(checked(a + b)),
                (int or decimal, int or decimal) => Equality.ToDecimal(left) + Equality.ToDecimal(right),
                (string a, string b) => a + b,
                (FhirPathQuantity a, FhirPathQuantity b) => SumOfQuantities(a, b, 1),
                (TemporalValue a, FhirPathQuantity b) => TemporalArithmetic.Add(a, b, 1),
                _ => throw Unsupported("+", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Subtract(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int a, int b) => SystemValues.Box(checked(a - b)),
                (int or decimal, int or decimal) => Equality.ToDecimal(left) - Equality.ToDecimal(right),
                (FhirPathQuantity a, FhirPathQuantity b) => SumOfQuantities(a, b, -1),
                (TemporalValue a, FhirPathQuantity b) => TemporalArithmetic.Add(a, b, -1),
                _ => throw Unsupported("-", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Multiply(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int a, int b) => SystemValues.Box(checked(a * b)),
                (int or decimal, int or decimal) => Equality.ToDecimal(left) * Equality.ToDecimal(right),
                (FhirPathQuantity a, FhirPathQuantity b) => new FhirPathQuantity(a.Value * b.Value, Product(UcumCode(a), UcumCode(b))),
                (FhirPathQuantity a, int or decimal) => new FhirPathQuantity(a.Value * Equality.ToDecimal(right), a.Unit),
                (int or decimal, FhirPathQuantity b) => new FhirPathQuantity(Equality.ToDecimal(left) * b.Value, b.Unit),
                _ => throw Unsupported("*", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Divide(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int or decimal, int or decimal) => Equality.ToDecimal(right) == 0 ? null : Equality.ToDecimal(left) / Equality.ToDecimal(right),
                (FhirPathQuantity a, FhirPathQuantity b) => b.Value == 0 ? null : new FhirPathQuantity(a.Value / b.Value, Quotient(UcumCode(a), UcumCode(b))),
                (FhirPathQuantity a, int or decimal) => Equality.ToDecimal(right) == 0 ? null : new FhirPathQuantity(a.Value / Equality.ToDecimal(right), a.Unit),
                _ => throw Unsupported("/", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Div(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int a, int b) => b == 0 ? null : SystemValues.Box(checked(a / b)),
                (int or decimal, int or decimal) => Equality.ToDecimal(right) == 0 ? null : decimal.Truncate(Equality.ToDecimal(left) / Equality.ToDecimal(right)),
                _ => throw Unsupported("div", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Mod(object left, object right)
    {
        try
        {
            return (left, right) switch
            {
                (int a, int b) => b == 0 ? null : SystemValues.Box(a % b),
                (int or decimal, int or decimal) => Equality.ToDecimal(right) == 0 ? null : Equality.ToDecimal(left) % Equality.ToDecimal(right),
                _ => throw Unsupported("mod", left, right),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public static object? Negate(object value) => value switch
    {
        int i when i == int.MinValue => null,
        int i => SystemValues.Box(-i),
        decimal d => -d,
        FhirPathQuantity q => new FhirPathQuantity(-q.Value, q.Unit),
        _ => throw new FhirPathEvaluationException($"Unary minus does not apply to {TypeChecks.Describe(value)}."),
    };

    /// <summary>The sum or difference in the finer of the two units; null when the units do not combine.</summary>
    private static FhirPathQuantity? SumOfQuantities(FhirPathQuantity left, FhirPathQuantity right, int sign)
    {
        if (!QuantityMath.TryGetFinerUnit(left, right, out var unit)
            || !QuantityMath.TryConvert(left, unit, out var l)
            || !QuantityMath.TryConvert(right, unit, out var r))
        {
            return null;
        }

        return new FhirPathQuantity(l.Value + (sign * r.Value), unit);
    }

    /// <summary>The UCUM code of a quantity's unit, mapping calendar keywords to their UCUM counterparts for unit algebra.</summary>
    private static string UcumCode(FhirPathQuantity quantity) => quantity.Unit switch
    {
        "year" => "a",
        "month" => "mo",
        "week" => "wk",
        "day" => "d",
        "hour" => "h",
        "minute" => "min",
        "second" => "s",
        "millisecond" => "ms",
        _ => quantity.Unit,
    };

    private static string Product(string left, string right) => (left, right) switch
    {
        (FhirPathQuantity.UnityUnit, _) => right,
        (_, FhirPathQuantity.UnityUnit) => left,
        _ => $"{Group(left)}.{Group(right)}",
    };

    private static string Quotient(string left, string right) =>
        string.Equals(left, right, StringComparison.Ordinal) ? FhirPathQuantity.UnityUnit
        : right == FhirPathQuantity.UnityUnit ? left
        : $"{(left == FhirPathQuantity.UnityUnit ? string.Empty : Group(left))}/{Group(right)}";

    private static string Group(string unit) => unit.Contains('/', StringComparison.Ordinal) || unit.Contains('.', StringComparison.Ordinal) ? $"({unit})" : unit;

    private static FhirPathEvaluationException Unsupported(string symbol, object left, object right) =>
        new($"The operator {symbol} does not apply to {TypeChecks.Describe(left)} and {TypeChecks.Describe(right)}.");
}
