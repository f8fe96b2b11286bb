using System.Diagnostics.CodeAnalysis;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// FHIRPath equality (<c>=</c>) and equivalence (<c>~</c>) of items and collections (FHIRPath N1
/// §Equality). Equality answers true, false or unknown (null: an empty result), equivalence always
/// true or false. FHIR nodes are compared by their System value when they have one, otherwise child
/// by child.
/// </summary>
internal static class Equality
{
    /// <summary><c>=</c> on collections: empty when either side is empty, order-dependent item by item.</summary>
    public static bool? CollectionsEqual(FhirPathCollection left, FhirPathCollection right)
    {
        if (left.IsEmpty || right.IsEmpty)
        {
            return null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        var unknown = false;
        for (var i = 0; i < left.Count; i++)
        {
            switch (AreEqual(left[i], right[i]))
            {
                case false:
                    return false;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : true;
    }

    /// <summary><c>~</c> on collections: two empties are equivalent; order does not matter.</summary>
    public static bool CollectionsEquivalent(FhirPathCollection left, FhirPathCollection right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        if (left.Count == 1)
        {
            return AreEquivalent(left[0], right[0]);
        }

        var matched = new bool[right.Count];
        foreach (var item in left)
        {
            var found = false;
            for (var j = 0; j < right.Count; j++)
            {
                if (!matched[j] && AreEquivalent(item, right[j]))
                {
                    matched[j] = found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="collection"/> holds an item equal to <paramref name="item"/>.</summary>
    public static bool Contains(FhirPathCollection collection, object item)
    {
        foreach (var candidate in collection)
        {
            if (AreEqual(candidate, item) == true)
            {
                return true;
            }
        }

        return false;
    }

    public static bool? AreEqual(object left, object right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (AreComplexNodes(left, right, out var leftNode, out var rightNode))
        {
            return ChildrenMatch(leftNode, rightNode, equivalence: false);
        }

        if (!SystemValues.TryGetValue(left, out var l) || !SystemValues.TryGetValue(right, out var r))
        {
            return false;
        }

        return ValuesEqual(l, r);
    }

    public static bool AreEquivalent(object left, object right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (AreComplexNodes(left, right, out var leftNode, out var rightNode))
        {
            return ChildrenMatch(leftNode, rightNode, equivalence: true);
        }

        return SystemValues.TryGetValue(left, out var l) && SystemValues.TryGetValue(right, out var r) && ValuesEquivalent(l, r);
    }

    private static bool? ValuesEqual(object left, object right)
    {
        switch (left, right)
        {
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (bool a, bool b):
                return a == b;
            case (int a, int b):
                return a == b;
            case (int or decimal, int or decimal):
                return ToDecimal(left) == ToDecimal(right);
            case (TemporalValue a, TemporalValue b):
                return Temporal(a, b) is var (x, y) ? TemporalValue.Compare(x, y) is { } order ? order == 0 : null : false;
            case (FhirPathQuantity a, FhirPathQuantity b):
                return QuantityMath.AreEqual(a, b);
            case (FhirPathQuantity a, int or decimal):
                return QuantityMath.AreEqual(a, new FhirPathQuantity(ToDecimal(right), FhirPathQuantity.UnityUnit));
            case (int or decimal, FhirPathQuantity b):
                return QuantityMath.AreEqual(new FhirPathQuantity(ToDecimal(left), FhirPathQuantity.UnityUnit), b);
            case (FhirPathTypeInfo a, FhirPathTypeInfo b):
                return a == b;
            default:
                return false;
        }
    }

    private static bool ValuesEquivalent(object left, object right)
    {
        switch (left, right)
        {
            case (string a, string b):
                return string.Equals(NormalizeForEquivalence(a), NormalizeForEquivalence(b), StringComparison.Ordinal);
            case (int or decimal, int or decimal):
                var x = ToDecimal(left);
                var y = ToDecimal(right);
                var scale = Math.Min(QuantityMath.NormalizedScale(x), QuantityMath.NormalizedScale(y));
                return decimal.Round(x, scale, MidpointRounding.AwayFromZero) == decimal.Round(y, scale, MidpointRounding.AwayFromZero);
            case (TemporalValue a, TemporalValue b):
                return Temporal(a, b) is var (p, q) && TemporalValue.Compare(p, q) == 0;
            case (FhirPathQuantity a, FhirPathQuantity b):
                return QuantityMath.AreEquivalent(a, b);
            case (FhirPathQuantity a, int or decimal):
                return QuantityMath.AreEquivalent(a, new FhirPathQuantity(ToDecimal(right), FhirPathQuantity.UnityUnit));
            case (int or decimal, FhirPathQuantity b):
                return QuantityMath.AreEquivalent(new FhirPathQuantity(ToDecimal(left), FhirPathQuantity.UnityUnit), b);
            default:
                return ValuesEqual(left, right) == true;
        }
    }

    /// <summary>Both values as the same temporal type (a Date converts implicitly to a DateTime), or null when they are of different kinds.</summary>
    internal static (TemporalValue, TemporalValue)? Temporal(TemporalValue left, TemporalValue right) => (left, right) switch
    {
        (FhirPathDate a, FhirPathDateTime b) => (a.ToDateTime(), b),
        (FhirPathDateTime a, FhirPathDate b) => (a, b.ToDateTime()),
        _ when left.GetType() == right.GetType() => (left, right),
        _ => null,
    };

    internal static decimal ToDecimal(object number) => number is int i ? i : (decimal)number;

    /// <summary>Two FHIR nodes compared child by child: neither is a primitive, and they are not both quantities (which compare by unit).</summary>
    private static bool AreComplexNodes(object left, object right, [NotNullWhen(true)] out ElementNode? leftNode, [NotNullWhen(true)] out ElementNode? rightNode)
    {
        leftNode = left as ElementNode;
        rightNode = right as ElementNode;
        return leftNode is { HasPrimitiveValue: false } && rightNode is { HasPrimitiveValue: false }
            && !(SystemValues.IsQuantityNode(leftNode) && SystemValues.IsQuantityNode(rightNode));
    }

    private static bool ChildrenMatch(ElementNode left, ElementNode right, bool equivalence)
    {
        var l = left.Children;
        var r = right.Children;
        if (l.Count != r.Count)
        {
            return false;
        }

        for (var i = 0; i < l.Count; i++)
        {
            if (!string.Equals(l[i].Name, r[i].Name, StringComparison.Ordinal)
                || !(equivalence ? AreEquivalent(l[i], r[i]) : AreEqual(l[i], r[i]) == true))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower case, whitespace runs as one space, trimmed (FHIRPath N1 §String Equivalence).</summary>
    private static string NormalizeForEquivalence(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
