using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Filtering and projection: where, select, repeat (ofType is with the type functions).</summary>
internal static class FilteringFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("where", 1, 1, call =>
        {
            var criteria = call.Argument(0);
            return (input, _, context) =>
            {
                if (input.Count == 1)
                {
                    return Iteration.IsTrue(criteria, input[0], 0, context, "where()") ? input : FhirPathCollection.Empty;
                }

                var builder = new CollectionBuilder();
                for (var i = 0; i < input.Count; i++)
                {
                    if (Iteration.IsTrue(criteria, input[i], i, context, "where()"))
                    {
                        builder.Add(input[i]);
                    }
                }

                return builder.ToCollection();
            };
        }),
        new("select", 1, 1, call =>
        {
            var projection = call.Argument(0);
            return (input, _, context) =>
            {
                var builder = new CollectionBuilder();
                for (var i = 0; i < input.Count; i++)
                {
                    builder.AddRange(Iteration.Evaluate(projection, input[i], i, context));
                }

                return builder.ToCollection();
            };
        }),
        new("repeat", 1, 1, call =>
        {
            var projection = call.Argument(0);
            return (input, _, context) => Repeat(input, projection, context);
        }),
    ];

    /// <summary>Applies the projection to the input, then to what it yields, as long as it yields items not seen before (by equality).</summary>
    private static FhirPathCollection Repeat(FhirPathCollection input, Compilation.CompiledNode projection, EvaluationContext context)
    {
        var seen = new List<object>();
        var builder = new CollectionBuilder();
        var pending = new Queue<object>(input);
        while (pending.TryDequeue(out var item))
        {
            foreach (var next in Iteration.Evaluate(projection, item, 0, context))
            {
                if (!ExistenceFunctions.ContainsEqual(seen, next))
                {
                    seen.Add(next);
                    builder.Add(next);
                    pending.Enqueue(next);
                }
            }
        }

        return builder.ToCollection();
    }
}
