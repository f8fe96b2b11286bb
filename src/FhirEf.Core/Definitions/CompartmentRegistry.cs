using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Definitions;

/// <summary>The compartments (Patient, Encounter, RelatedPerson, Practitioner, Device) by code.</summary>
public sealed class CompartmentRegistry
{
    private readonly Dictionary<string, CompartmentDefinitionInfo> _byCode;

    internal CompartmentRegistry(IEnumerable<CompartmentDefinitionInfo> compartments) =>
        _byCode = compartments.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IEnumerable<CompartmentDefinitionInfo> All => _byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public bool TryGet(string code, [NotNullWhen(true)] out CompartmentDefinitionInfo? compartment) =>
        _byCode.TryGetValue(code, out compartment);

    /// <summary>The compartments a resource type can belong to, with the parameters that decide membership.</summary>
    public IEnumerable<(CompartmentDefinitionInfo Compartment, IReadOnlyList<string> Parameters)> For(string resourceType)
    {
        foreach (var compartment in All)
        {
            if (compartment.ParametersByResource.TryGetValue(resourceType, out var parameters) && parameters.Count > 0)
            {
                yield return (compartment, parameters);
            }
        }
    }
}
