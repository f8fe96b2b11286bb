using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// Reading single values from collections as functions and operators need them (FHIRPath N1
/// §Functions: a collection of several items where one is expected is an error; an empty one is
/// an empty result, reported here as null).
/// </summary>
internal static class Singletons
{
    /// <summary>The only item, or null for an empty collection; an error for several.</summary>
    public static object? Item(FhirPathCollection collection, string operation) => collection.Count switch
    {
        0 => null,
        1 => collection[0],
        _ => throw new FhirPathEvaluationException($"{operation} expects a single item but got a collection of {collection.Count}."),
    };

    /// <summary>The System value of the only item (a FHIR primitive converts to its value), or null when empty.</summary>
    public static object? Value(FhirPathCollection collection, string operation)
    {
        if (Item(collection, operation) is not { } item)
        {
            return null;
        }

        if (SystemValues.TryGetValue(item, out var value))
        {
            return value;
        }

        throw new FhirPathEvaluationException($"{operation} expects a primitive value but got {TypeChecks.Describe(item)}{(item is ElementNode node ? $" at {node.Location}" : string.Empty)}.");
    }

    public static string? String(FhirPathCollection collection, string operation) => Value(collection, operation) switch
    {
        null => null,
        string text => text,
        var other => throw new FhirPathEvaluationException($"{operation} expects a String but got {TypeChecks.Describe(other)}."),
    };

    public static int? Integer(FhirPathCollection collection, string operation) => Value(collection, operation) switch
    {
        null => null,
        int number => number,
        var other => throw new FhirPathEvaluationException($"{operation} expects an Integer but got {TypeChecks.Describe(other)}."),
    };

    /// <summary>An Integer or Decimal as a decimal.</summary>
    public static decimal? Number(FhirPathCollection collection, string operation) => Value(collection, operation) switch
    {
        null => null,
        int number => number,
        decimal number => number,
        var other => throw new FhirPathEvaluationException($"{operation} expects a number but got {TypeChecks.Describe(other)}."),
    };

    public static FhirPathCollection Of(object? value) => value is null ? FhirPathCollection.Empty : FhirPathCollection.Of(value);
}
