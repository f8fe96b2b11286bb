using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// Singleton evaluation of collections as Booleans (FHIRPath N1 §Singleton Evaluation of Collections)
/// and the three-valued operators <c>and</c>, <c>or</c>, <c>xor</c>, <c>implies</c> and <c>not()</c>.
/// </summary>
internal static class BooleanLogic
{
    /// <summary>
    /// Empty is unknown (null); one boolean is itself; one other item is true (an error in strict
    /// mode); several items are an error.
    /// </summary>
    public static bool? ToBoolean(FhirPathCollection collection, EvaluationContext context, string operation)
    {
        if (collection.IsEmpty)
        {
            return null;
        }

        if (collection.Count > 1)
        {
            throw new FhirPathEvaluationException($"{operation} expects a single Boolean but got a collection of {collection.Count} items.");
        }

        var item = collection[0];
        if (item is bool value)
        {
            return value;
        }

        if (item is ElementNode node && SystemValues.TryGetValue(node, out var converted) && converted is bool nodeValue)
        {
            return nodeValue;
        }

        if (context.Strict)
        {
            throw new FhirPathEvaluationException($"{operation} expects a Boolean but got {TypeChecks.Describe(item)}.");
        }

        return true;
    }

    public static bool? And(bool? left, bool? right) => (left, right) switch
    {
        (false, _) or (_, false) => false,
        (true, true) => true,
        _ => null,
    };

    public static bool? Or(bool? left, bool? right) => (left, right) switch
    {
        (true, _) or (_, true) => true,
        (false, false) => false,
        _ => null,
    };

    public static bool? Xor(bool? left, bool? right) => left is { } l && right is { } r ? l != r : null;

    public static bool? Implies(bool? left, bool? right) => (left, right) switch
    {
        (false, _) => true,
        (true, var r) => r,
        (null, true) => true,
        _ => null,
    };

    public static FhirPathCollection ToCollection(bool? value) => value is { } b ? FhirPathCollection.Of(b) : FhirPathCollection.Empty;
}
