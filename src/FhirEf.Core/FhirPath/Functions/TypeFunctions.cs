using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Types and §Reflection: is(), as(), ofType() and type().</summary>
internal static class TypeFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("is", 1, 1, call =>
        {
            var type = call.TypeArgument(0);
            return (input, _, _) => Singletons.Item(input, $"is({type.Name})") is { } item
                ? FhirPathCollection.Of(TypeChecks.Is(item, type, exactPrimitive: false))
                : FhirPathCollection.Empty;
        }),
        new("as", 1, 1, call =>
        {
            var type = call.TypeArgument(0);
            return (input, _, _) => OfType(input, type);
        }),
        new("ofType", 1, 1, call =>
        {
            var type = call.TypeArgument(0);
            return (input, _, _) => OfType(input, type);
        }),
        new("type", _ => static (input, _, _) =>
        {
            var builder = new CollectionBuilder();
            foreach (var item in input)
            {
                builder.Add(TypeChecks.TypeOf(item));
            }

            return builder.ToCollection();
        }),
    ];

    /// <summary>
    /// The items of exactly <paramref name="type"/> or a specialisation of it (a FHIR primitive must be
    /// of exactly the type). This is <c>ofType()</c>, and also <c>as</c> and <c>as()</c>.
    /// </summary>
    /// <remarks>
    /// The specification makes <c>as</c> an error on more than one item, but R4 search parameters apply
    /// it to repeating elements (<c>(Observation.component.value as Quantity)</c>), so FhirEf, like HAPI
    /// and Firely, treats <c>as</c> as a type filter over the whole collection.
    /// </remarks>
    public static FhirPathCollection OfType(FhirPathCollection input, ResolvedType type)
    {
        if (input.Count == 1)
        {
            return TypeChecks.Is(input[0], type, exactPrimitive: true) ? input : FhirPathCollection.Empty;
        }

        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            if (TypeChecks.Is(item, type, exactPrimitive: true))
            {
                builder.Add(item);
            }
        }

        return builder.ToCollection();
    }
}
