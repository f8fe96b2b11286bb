using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Combining: union (also the <c>|</c> operator) and combine.</summary>
internal static class CombiningFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("union", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) => Union(input, other(focus, context));
        }),
        new("combine", 1, 1, call =>
        {
            var other = call.Argument(0);
            return (input, focus, context) =>
            {
                var builder = new CollectionBuilder();
                builder.AddRange(input);
                builder.AddRange(other(focus, context));
                return builder.ToCollection();
            };
        }),
    ];

    /// <summary>Both collections without repeats (by equality); an empty side passes the other through.</summary>
    public static FhirPathCollection Union(FhirPathCollection left, FhirPathCollection right)
    {
        if (right.IsEmpty)
        {
            return ExistenceFunctions.Distinct(left);
        }

        if (left.IsEmpty)
        {
            return ExistenceFunctions.Distinct(right);
        }

        var builder = new CollectionBuilder();
        builder.AddRange(left);
        builder.AddRange(right);
        return ExistenceFunctions.Distinct(builder.ToCollection());
    }
}
