namespace FhirEf.Core.Definitions;

/// <summary>
/// A CompartmentDefinition: for each resource type, the search parameters whose values put a resource
/// in the compartment of the referenced Patient, Encounter, RelatedPerson, Practitioner or Device.
/// </summary>
/// <param name="Code">The compartment type ("Patient").</param>
/// <param name="Url">Canonical URL.</param>
/// <param name="ParametersByResource">Resource type → parameter codes; "{def}" marks the compartment's own type.</param>
public sealed record CompartmentDefinitionInfo(string Code, string Url, IReadOnlyDictionary<string, IReadOnlyList<string>> ParametersByResource);
