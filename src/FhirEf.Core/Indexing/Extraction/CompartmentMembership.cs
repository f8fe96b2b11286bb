using FhirEf.Core.Indexing.Values;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The compartments a resource is in (https://hl7.org/fhir/R4/compartmentdefinition.html): for each of
/// the five compartment definitions, every literal reference the named parameters yield to a resource of
/// the compartment's type (<c>Patient/123</c>); and a resource of a compartment's own type is in its
/// own compartment (<c>{def}</c>, and for Patient and Device, whose definitions leave it implicit).
/// </summary>
internal static class CompartmentMembership
{
    /// <param name="valuesByParameter">The values of each parameter of the plan, by its index; null where it yielded none.</param>
    public static IReadOnlyList<string> Find(IndexPlan plan, string resourceId, SearchValue[]?[] valuesByParameter)
    {
        List<string>? compartments = null;
        foreach (var rule in plan.Compartments)
        {
            if (rule.IncludesSelf && resourceId.Length > 0)
            {
                Add(ref compartments, rule.Compartment + "/" + resourceId);
            }

            foreach (var index in rule.ParameterIndexes)
            {
                if (valuesByParameter[index] is not { } values)
                {
                    continue;
                }

                foreach (var value in values)
                {
                    if (value is ReferenceSearchValue { IsLiteral: true } reference
                        && string.Equals(reference.TargetType, rule.Compartment, StringComparison.Ordinal))
                    {
                        Add(ref compartments, reference.TargetType + "/" + reference.TargetId);
                    }
                }
            }
        }

        return compartments is null ? [] : compartments;
    }

    private static void Add(ref List<string>? compartments, string compartment)
    {
        compartments ??= new List<string>(2);
        if (!compartments.Contains(compartment))
        {
            compartments.Add(compartment);
        }
    }
}
