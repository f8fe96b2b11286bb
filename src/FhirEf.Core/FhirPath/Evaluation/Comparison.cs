namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The ordering behind <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c> and <c>&gt;=</c> (FHIRPath N1 §Comparison):
/// numbers (an Integer converts to Decimal), strings by Unicode value, dates and times by precision,
/// quantities by unit. Values of types that cannot be ordered against each other are an error.
/// </summary>
internal static class Comparison
{
    /// <summary>The sign of left − right, or null when the order is unknown (different precisions, incomparable units).</summary>
    public static int? Compare(object left, object right)
    {
        if (!SystemValues.TryGetValue(left, out var l) || !SystemValues.TryGetValue(right, out var r))
        {
            throw Incomparable(left, right);
        }

        switch (l, r)
        {
            case (int a, int b):
                return a.CompareTo(b);
            case (int or decimal, int or decimal):
                return Equality.ToDecimal(l).CompareTo(Equality.ToDecimal(r));
            case (string a, string b):
                return Math.Sign(string.CompareOrdinal(a, b));
            case (TemporalValue a, TemporalValue b):
                return Equality.Temporal(a, b) is var (x, y) ? TemporalValue.Compare(x, y) : throw Incomparable(left, right);
            case (FhirPathQuantity a, FhirPathQuantity b):
                return QuantityMath.Compare(a, b);
            case (FhirPathQuantity a, int or decimal):
                return QuantityMath.Compare(a, new FhirPathQuantity(Equality.ToDecimal(r), FhirPathQuantity.UnityUnit));
            case (int or decimal, FhirPathQuantity b):
                return QuantityMath.Compare(new FhirPathQuantity(Equality.ToDecimal(l), FhirPathQuantity.UnityUnit), b);
            default:
                throw Incomparable(left, right);
        }
    }

    private static FhirPathEvaluationException Incomparable(object left, object right) =>
        new($"Cannot compare {TypeChecks.Describe(left)} with {TypeChecks.Describe(right)}.");
}
