namespace FhirEf.Core.Definitions;

/// <summary>StructureDefinition.kind, for the definitions FhirEf keeps.</summary>
public enum FhirTypeKind
{
    PrimitiveType,
    ComplexType,
    Resource,
    Logical,
}
