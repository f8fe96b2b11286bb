using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Existence: empty, exists, all, allTrue, anyTrue, allFalse, anyFalse, subsetOf, supersetOf, count, distinct, isDistinct.</summary>
internal static class ExistenceFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("empty", _ => static (input, _, _) => FhirPathCollection.Of(input.IsEmpty)),
        new("exists", 0, 1, call => call.OptionalArgument(0) is { } criteria
            ? (input, _, context) =>
            {
                for (var i = 0; i < input.Count; i++)
                {
                    if (Iteration.IsTrue(criteria, input[i], i, context, "exists()"))
                    {
                        return FhirPathCollection.True;
                    }
                }

                return FhirPathCollection.False;
            }
            : static (input, _, _) => FhirPathCollection.Of(!input.IsEmpty)),
        new("all", 1, 1, call =>
        {
            var criteria = call.Argument(0);
            return (input, _, context) =>
            {
                for (var i = 0; i < input.Count; i++)
                {
                    if (!Iteration.IsTrue(criteria, input[i], i, context, "all()"))
                    {
                        return FhirPathCollection.False;
                    }
                }

                return FhirPathCollection.True;
            };
        }),
        new("allTrue", _ => static (input, _, _) => FhirPathCollection.Of(Booleans(input, "allTrue()").All(static b => b))),
        new("anyTrue", _ => static (input, _, _) => FhirPathCollection.Of(Booleans(input, "anyTrue()").Any(static b => b))),
        new("allFalse", _ => static (input, _, _) => FhirPathCollection.Of(Booleans(input, "allFalse()").All(static b => !b))),
        new("anyFalse", _ => static (input, _, _) => FhirPathCollection.Of(Booleans(input, "anyFalse()").Any(static b => !b))),
        new("subsetOf", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) => FhirPathCollection.Of(IsSubset(input, other(focus, context)));
        }),
        new("supersetOf", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) => FhirPathCollection.Of(IsSubset(other(focus, context), input));
        }),
        new("count", _ => static (input, _, _) => FhirPathCollection.Of(SystemValues.Box(input.Count))),
        new("distinct", _ => static (input, _, _) => Distinct(input)),
        new("isDistinct", _ => static (input, _, _) => FhirPathCollection.Of(Distinct(input).Count == input.Count)),
    ];

    /// <summary>The items without repeats (by equality), first occurrences in order; the input itself when it has none.</summary>
    public static FhirPathCollection Distinct(FhirPathCollection input)
    {
        var firstRepeat = FirstRepeat(input);
        if (firstRepeat < 0)
        {
            return input;
        }

        var kept = new object[input.Count];
        var count = 0;
        for (var i = 0; i < input.Count; i++)
        {
            if (i < firstRepeat || !ContainsEqual(kept, count, input[i]))
            {
                kept[count++] = input[i];
            }
        }

        return FhirPathCollection.Wrap(kept, count);
    }

    /// <summary>The position of the first item equal to an earlier one, or -1.</summary>
    private static int FirstRepeat(FhirPathCollection input)
    {
        for (var i = 1; i < input.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Equality.AreEqual(input[j], input[i]) == true)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool ContainsEqual(object[] items, int count, object item)
    {
        for (var i = 0; i < count; i++)
        {
            if (Equality.AreEqual(items[i], item) == true)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool ContainsEqual(List<object> items, object item)
    {
        foreach (var existing in items)
        {
            if (Equality.AreEqual(existing, item) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSubset(FhirPathCollection subset, FhirPathCollection superset)
    {
        foreach (var item in subset)
        {
            if (!Equality.Contains(superset, item))
            {
                return false;
            }
        }

        return true;
    }

    private static List<bool> Booleans(FhirPathCollection input, string function)
    {
        var values = new List<bool>(input.Count);
        foreach (var item in input)
        {
            values.Add(item switch
            {
                bool b => b,
                ElementNode node when SystemValues.TryGetValue(node, out var value) && value is bool b => b,
                _ => throw new FhirPathEvaluationException($"{function} expects Booleans but the input holds {TypeChecks.Describe(item)}."),
            });
        }

        return values;
    }
}
