using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// FHIRPath N1 §Math: abs, ceiling, exp, floor, ln, log, power, round, sqrt, truncate. Results that
/// cannot be represented (the square root of −1, overflow) are empty. The transcendental functions
/// compute in double precision and return a decimal.
/// </summary>
internal static class MathFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("abs", _ => static (input, _, _) => Singletons.Value(input, "abs()") switch
        {
            null => FhirPathCollection.Empty,
            int i => i == int.MinValue ? FhirPathCollection.Empty : FhirPathCollection.Of(SystemValues.Box(Math.Abs(i))),
            decimal d => FhirPathCollection.Of(Math.Abs(d)),
            FhirPathQuantity q => FhirPathCollection.Of(new FhirPathQuantity(Math.Abs(q.Value), q.Unit)),
            var other => throw NotANumber("abs()", other),
        }),
        new("ceiling", _ => static (input, _, _) => Integral(input, "ceiling()", Math.Ceiling)),
        new("floor", _ => static (input, _, _) => Integral(input, "floor()", Math.Floor)),
        new("truncate", _ => static (input, _, _) => Integral(input, "truncate()", Math.Truncate)),
        new("exp", _ => static (input, _, _) => Real(Singletons.Number(input, "exp()"), Math.Exp)),
        new("ln", _ => static (input, _, _) => Real(Singletons.Number(input, "ln()"), Math.Log)),
        new("sqrt", _ => static (input, _, _) => Real(Singletons.Number(input, "sqrt()"), Math.Sqrt)),
        new("log", 1, 1, call =>
        {
            var logBase = call.Argument(0);
            return (input, focus, context) => Singletons.Number(logBase(focus, context), "log()") is { } b
                ? Real(Singletons.Number(input, "log()"), x => Math.Log(x, (double)b))
                : FhirPathCollection.Empty;
        }),
        new("power", 1, 1, call =>
        {
            var exponent = call.Argument(0);
            return (input, focus, context) => Power(Singletons.Value(input, "power()"), Singletons.Value(exponent(focus, context), "power()"));
        }),
        new("round", 0, 1, call =>
        {
            var precision = call.OptionalArgument(0);
            return (input, focus, context) =>
            {
                var digits = precision is null ? 0 : Singletons.Integer(precision(focus, context), "round()");
                if (Singletons.Number(input, "round()") is not { } value || digits is null)
                {
                    return FhirPathCollection.Empty;
                }

                if (digits < 0)
                {
                    throw new FhirPathEvaluationException("round() needs a precision of 0 or more.");
                }

                return FhirPathCollection.Of(decimal.Round(value, Math.Min(digits.Value, 28), MidpointRounding.AwayFromZero));
            };
        }),
    ];

    private static FhirPathCollection Integral(FhirPathCollection input, string function, Func<decimal, decimal> operation)
    {
        if (Singletons.Number(input, function) is not { } value)
        {
            return FhirPathCollection.Empty;
        }

        var result = operation(value);
        return result is >= int.MinValue and <= int.MaxValue ? FhirPathCollection.Of(SystemValues.Box((int)result)) : FhirPathCollection.Empty;
    }

    private static FhirPathCollection Real(decimal? input, Func<double, double> operation)
    {
        if (input is not { } value)
        {
            return FhirPathCollection.Empty;
        }

        return FromDouble(operation((double)value));
    }

    private static FhirPathCollection Power(object? value, object? exponent)
    {
        switch (value, exponent)
        {
            case (null, _) or (_, null):
                return FhirPathCollection.Empty;
            case (int b, int e) when e >= 0:
                try
                {
                    var result = 1;
                    for (var i = 0; i < e; i++)
                    {
                        result = checked(result * b);
                    }

                    return FhirPathCollection.Of(SystemValues.Box(result));
                }
                catch (OverflowException)
                {
                    return FhirPathCollection.Empty;
                }

            case (int or decimal, int or decimal):
                return FromDouble(Math.Pow((double)Equality.ToDecimal(value), (double)Equality.ToDecimal(exponent)));
            default:
                throw NotANumber("power()", value is int or decimal ? exponent : value);
        }
    }

    private static FhirPathCollection FromDouble(double result)
    {
        if (double.IsNaN(result) || double.IsInfinity(result) || Math.Abs(result) > (double)decimal.MaxValue)
        {
            return FhirPathCollection.Empty;
        }

        return FhirPathCollection.Of((decimal)result);
    }

    private static FhirPathEvaluationException NotANumber(string function, object value) =>
        new($"{function} expects a number but got {TypeChecks.Describe(value)}.");
}
