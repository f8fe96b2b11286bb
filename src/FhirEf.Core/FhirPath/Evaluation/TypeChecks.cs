using FhirEf.Core.Definitions;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>The type of items (<c>type()</c>) and the tests behind <c>is</c>, <c>as</c> and <c>ofType()</c>.</summary>
internal static class TypeChecks
{
    /// <summary>
    /// Whether <paramref name="item"/> is of <paramref name="type"/>. FHIR nodes have FHIR types and
    /// System values System types; neither is the other (FHIR.boolean is not System.Boolean).
    /// With <paramref name="exactPrimitive"/> a FHIR primitive must be of exactly the type: <c>code</c>
    /// is a <c>string</c> for <c>is</c>, but <c>as(string)</c> and <c>ofType(string)</c> do not select it,
    /// as the official test suite requires.
    /// </summary>
    public static bool Is(object item, ResolvedType type, bool exactPrimitive)
    {
        if (type.IsAny)
        {
            return true;
        }

        if (item is ElementNode node)
        {
            return node.TypeName is { } typeName && IsFhirType(typeName, node.Structures, type, exactPrimitive);
        }

        return !type.IsFhir && type.SystemType is { } systemType && SystemTypeOf(item) == systemType;
    }

    /// <summary>Whether a FHIR type (of a node, or of a reference's target) is <paramref name="type"/> or, unless an exact primitive is asked for, a specialisation of it.</summary>
    public static bool IsFhirType(string typeName, StructureDefinitionRegistry? structures, ResolvedType type, bool exactPrimitive)
    {
        if (!type.IsFhir)
        {
            return false;
        }

        if (string.Equals(typeName, type.Name, StringComparison.Ordinal))
        {
            return true;
        }

        if (structures is null || (exactPrimitive && structures.IsPrimitive(typeName)))
        {
            return false;
        }

        return structures.IsSubtypeOf(typeName, type.Name);
    }

    public static FhirPathTypeInfo TypeOf(object item) => item switch
    {
        ElementNode node => new FhirPathTypeInfo(FhirPathTypeInfo.FhirNamespace, node.TypeName ?? "Element"),
        _ => new FhirPathTypeInfo(FhirPathTypeInfo.SystemNamespace, SystemTypeOf(item)?.ToString() ?? "Any"),
    };

    public static SystemType? SystemTypeOf(object value) => value switch
    {
        bool => SystemType.Boolean,
        int => SystemType.Integer,
        decimal => SystemType.Decimal,
        string => SystemType.String,
        FhirPathDate => SystemType.Date,
        FhirPathDateTime => SystemType.DateTime,
        FhirPathTime => SystemType.Time,
        FhirPathQuantity => SystemType.Quantity,
        _ => null,
    };

    /// <summary>A short description of an item's type for error messages.</summary>
    public static string Describe(object item) => TypeOf(item).ToString();
}
