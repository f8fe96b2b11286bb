using System.Runtime.ExceptionServices;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// FHIRPath N1 §Utility functions and §Aggregates (trace, now, today, timeOfDay, aggregate) and
/// the FHIRPath 2.1 sort().
/// </summary>
internal static class UtilityFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("trace", 1, 2, call =>
        {
            var name = call.Argument(0);
            var projection = call.OptionalArgument(1);
            return (input, focus, context) =>
            {
                var label = Singletons.String(name(focus, context), "trace()") ?? string.Empty;
                context.WriteTrace(label, projection is null ? input : projection(input, context));
                return input;
            };
        }),
        new("now", _ => static (_, _, context) => FhirPathCollection.Of(FhirPathDateTime.FromDateTimeOffset(context.Now))),
        new("today", _ => static (_, _, context) => FhirPathCollection.Of(new FhirPathDate(context.Now.Year, context.Now.Month, context.Now.Day, TemporalPrecision.Day))),
        new("timeOfDay", _ => static (_, _, context) =>
        {
            var now = context.Now;
            return FhirPathCollection.Of(new FhirPathTime(now.Hour, now.Minute, now.Second + (now.Millisecond / 1000m), 3, TemporalPrecision.Second));
        }),
        new("aggregate", 1, 2, call =>
        {
            var aggregator = call.Argument(0);
            var initial = call.OptionalArgument(1);
            return (input, focus, context) =>
            {
                var outerTotal = context.Total;
                try
                {
                    context.Total = initial is null ? FhirPathCollection.Empty : initial(focus, context);
                    for (var i = 0; i < input.Count; i++)
                    {
                        context.Total = Iteration.Evaluate(aggregator, input[i], i, context);
                    }

                    return context.Total;
                }
                finally
                {
                    context.Total = outerTotal;
                }
            };
        }),
        new("sort", 0, int.MaxValue, CompileSort),
    ];

    /// <summary>
    /// sort() orders by the items themselves; sort(key, …) by the keys in turn, where a key written with
    /// a leading minus (<c>-family</c>) sorts descending. Empty keys sort first; items whose keys cannot be ordered keep their order.
    /// </summary>
    private static FunctionBody CompileSort(FunctionCall call)
    {
        var keys = new (CompiledNode Key, bool Descending)[call.ArgumentCount];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = call.Syntax.Arguments[i] is UnaryExpression { Operator: UnaryOperator.Minus } descending
                ? (call.Compile(descending.Operand), true)
                : (call.Argument(i), false);
        }

        return (input, _, context) =>
        {
            if (input.Count < 2)
            {
                return input;
            }

            var rows = new (object Item, object?[] Keys, int Position)[input.Count];
            for (var i = 0; i < input.Count; i++)
            {
                var values = new object?[Math.Max(keys.Length, 1)];
                if (keys.Length == 0)
                {
                    values[0] = Singletons.Value(FhirPathCollection.Of(input[i]), "sort()");
                }

                for (var k = 0; k < keys.Length; k++)
                {
                    values[k] = Singletons.Value(Iteration.Evaluate(keys[k].Key, input[i], i, context), "sort()");
                }

                rows[i] = (input[i], values, i);
            }

            try
            {
                Array.Sort(rows, (a, b) =>
                {
                    for (var k = 0; k < a.Keys.Length; k++)
                    {
                        // An empty key sorts first in either direction.
                        var order = (a.Keys[k], b.Keys[k]) switch
                        {
                            (null, null) => 0,
                            (null, _) => -1,
                            (_, null) => 1,
                            var (x, y) => (Comparison.Compare(x, y) ?? 0) * (keys.Length > 0 && keys[k].Descending ? -1 : 1),
                        };
                        if (order != 0)
                        {
                            return order;
                        }
                    }

                    return a.Position.CompareTo(b.Position);
                });
            }
            catch (InvalidOperationException e) when (e.InnerException is FhirPathException inner)
            {
                // Array.Sort wraps what the comparer throws; keys that cannot be compared are the engine's error.
                ExceptionDispatchInfo.Throw(inner);
            }

            var sorted = new object[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                sorted[i] = rows[i].Item;
            }

            return FhirPathCollection.Wrap(sorted, sorted.Length);
        };
    }
}
