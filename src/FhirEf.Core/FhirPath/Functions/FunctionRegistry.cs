using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>Every function FhirEf's FHIRPath knows, by name.</summary>
internal static class FunctionRegistry
{
    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = new[]
    {
        ExistenceFunctions.All,
        FilteringFunctions.All,
        SubsettingFunctions.All,
        CombiningFunctions.All,
        ConversionFunctions.All,
        StringFunctions.All,
        MathFunctions.All,
        TreeNavigationFunctions.All,
        UtilityFunctions.All,
        TypeFunctions.All,
        BooleanFunctions.All,
        BoundaryFunctions.All,
        FhirFunctions.All,
    }.SelectMany(family => family).ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Functions.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out FunctionDefinition? definition) =>
        Functions.TryGetValue(name, out definition);
}
