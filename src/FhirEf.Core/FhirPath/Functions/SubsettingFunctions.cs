using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Subsetting: single, first, last, tail, skip, take, intersect, exclude (the indexer is an operator).</summary>
internal static class SubsettingFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("single", _ => static (input, _, _) => input.Count > 1
            ? throw new FhirPathEvaluationException($"single() expects at most one item but got {input.Count}.")
            : input),
        new("first", _ => static (input, _, _) => input.IsEmpty ? input : FhirPathCollection.Of(input[0])),
        new("last", _ => static (input, _, _) => input.IsEmpty ? input : FhirPathCollection.Of(input[^1])),
        new("tail", _ => static (input, _, _) => Range(input, 1, input.Count - 1)),
        new("skip", 1, 1, call =>
        {
            var count = call.Argument(0);
            return (input, focus, context) => Singletons.Integer(count(focus, context), "skip()") is { } n
                ? n <= 0 ? input : Range(input, n, input.Count - n)
                : FhirPathCollection.Empty;
        }),
        new("take", 1, 1, call =>
        {
            var count = call.Argument(0);
            return (input, focus, context) => Singletons.Integer(count(focus, context), "take()") is { } n
                ? Range(input, 0, Math.Min(n, input.Count))
                : FhirPathCollection.Empty;
        }),
        new("intersect", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) =>
            {
                var others = other(focus, context);
                var builder = new CollectionBuilder();
                foreach (var item in ExistenceFunctions.Distinct(input))
                {
                    if (Equality.Contains(others, item))
                    {
                        builder.Add(item);
                    }
                }

                return builder.ToCollection();
            };
        }),
        new("exclude", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) =>
            {
                var others = other(focus, context);
                var builder = new CollectionBuilder();
                foreach (var item in input)
                {
                    if (!Equality.Contains(others, item))
                    {
                        builder.Add(item);
                    }
                }

                return builder.ToCollection();
            };
        }),
    ];

    private static FhirPathCollection Range(FhirPathCollection input, int start, int count)
    {
        if (count <= 0 || start >= input.Count)
        {
            return FhirPathCollection.Empty;
        }

        var items = new object[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = input[start + i];
        }

        return FhirPathCollection.Wrap(items, count);
    }
}
