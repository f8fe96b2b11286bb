namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// Membership of one compartment (CompartmentDefinition.resource): a resource is in the compartment of
/// every <see cref="Compartment"/> its parameters at <see cref="ParameterIndexes"/> (of
/// <see cref="IndexPlan.Parameters"/>) reference literally, and in its own when <see cref="IncludesSelf"/>.
/// </summary>
/// <param name="Compartment">The compartment type: Patient, Encounter, RelatedPerson, Practitioner or Device.</param>
internal sealed record CompartmentRule(string Compartment, IReadOnlyList<int> ParameterIndexes, bool IncludesSelf);
