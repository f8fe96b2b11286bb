namespace FhirEf.Core.Definitions;

/// <summary>One entry of ElementDefinition.type: the type code and, for references, the allowed targets.</summary>
/// <param name="Code">
/// The FHIR type code ("Quantity", "string", "Reference", "BackboneElement"). The System types the spec
/// writes for <c>id</c> and primitive values ("http://hl7.org/fhirpath/System.String") are mapped back to
/// their FHIR type through the structuredefinition-fhir-type extension.
/// </param>
/// <param name="TargetProfiles">Canonical URLs of the allowed Reference/canonical targets.</param>
public sealed record ElementTypeInfo(string Code, IReadOnlyList<string> TargetProfiles)
{
    /// <summary>The resource type names of <see cref="TargetProfiles"/> ("Patient" for ".../StructureDefinition/Patient").</summary>
    public IEnumerable<string> TargetTypes => TargetProfiles.Select(p => p[(p.LastIndexOf('/') + 1)..]);
}
