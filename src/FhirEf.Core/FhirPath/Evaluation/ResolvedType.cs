using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// A type specifier resolved against the model (FHIRPath N1 §Models): an unqualified name is looked
/// up among the FHIR types first, then among the System types.
/// </summary>
internal sealed record ResolvedType(string Namespace, string Name, SystemType? SystemType, bool IsAny)
{
    private static readonly Dictionary<string, SystemType?> SystemTypes = new(StringComparer.Ordinal)
    {
        ["Any"] = null,
        ["Boolean"] = Evaluation.SystemType.Boolean,
        ["Integer"] = Evaluation.SystemType.Integer,
        ["Decimal"] = Evaluation.SystemType.Decimal,
        ["String"] = Evaluation.SystemType.String,
        ["Date"] = Evaluation.SystemType.Date,
        ["DateTime"] = Evaluation.SystemType.DateTime,
        ["Time"] = Evaluation.SystemType.Time,
        ["Quantity"] = Evaluation.SystemType.Quantity,
    };

    public bool IsFhir => Namespace == FhirPathTypeInfo.FhirNamespace;

    /// <summary>
    /// The type a specifier names, or null when neither model has it. Without definitions any
    /// unqualified name that is not a System type is taken as a FHIR type name.
    /// </summary>
    public static ResolvedType? Resolve(TypeSpecifier specifier, StructureDefinitionRegistry? structures)
    {
        var name = specifier.Name;
        switch (specifier.Namespace)
        {
            case FhirPathTypeInfo.SystemNamespace:
                // A System name that is not a System type is a valid specifier no value has (System.Patient).
                return OfSystem(name) ?? new ResolvedType(FhirPathTypeInfo.SystemNamespace, name, null, IsAny: false);
            case FhirPathTypeInfo.FhirNamespace:
                return structures is null || structures.TryGetType(name, out _) ? Fhir(name) : null;
            case null:
                if (structures is not null && structures.TryGetType(name, out _))
                {
                    return Fhir(name);
                }

                return OfSystem(name) ?? (structures is null ? Fhir(name) : null);
            default:
                return null;
        }
    }

    /// <summary>The FHIR type of a node named <paramref name="name"/>, for type names that start a path.</summary>
    public static ResolvedType Fhir(string name) => new(FhirPathTypeInfo.FhirNamespace, name, null, IsAny: false);

    private static ResolvedType? OfSystem(string name) =>
        SystemTypes.TryGetValue(name, out var type)
            ? new ResolvedType(FhirPathTypeInfo.SystemNamespace, name, type, IsAny: type is null)
            : null;

    public override string ToString() => $"{Namespace}.{Name}";
}
