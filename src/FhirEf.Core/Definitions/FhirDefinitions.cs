using FhirEf.Core.Definitions.Loading;

namespace FhirEf.Core.Definitions;

/// <summary>
/// Everything FhirEf knows from the FHIR definitions: types, search parameters and compartments.
/// Immutable and thread-safe; load once per process.
/// </summary>
public sealed class FhirDefinitions
{
    private static readonly Lazy<FhirDefinitions> Default = new(LoadDefault);

    internal FhirDefinitions(
        StructureDefinitionRegistry structures,
        SearchParameterRegistry searchParameters,
        CompartmentRegistry compartments,
        IReadOnlyList<DefinitionLoadIssue> issues,
        TimeSpan loadTime)
    {
        Structures = structures;
        SearchParameters = searchParameters;
        Compartments = compartments;
        Issues = issues;
        LoadTime = loadTime;
    }

    /// <summary>The R4 definitions of <c>spec/fhir/r4</c> plus <c>spec/platform</c>, loaded on first use.</summary>
    public static FhirDefinitions R4 => Default.Value;

    public StructureDefinitionRegistry Structures { get; }

    public SearchParameterRegistry SearchParameters { get; }

    public CompartmentRegistry Compartments { get; }

    /// <summary>What could not be loaded (empty for the pinned specification).</summary>
    public IReadOnlyList<DefinitionLoadIssue> Issues { get; }

    public TimeSpan LoadTime { get; }

    public static FhirDefinitions Load(SpecificationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return DefinitionLoader.Load(source);
    }

    private static FhirDefinitions LoadDefault()
    {
        var spec = SpecificationSource.FindSpecDirectory() ?? throw new InvalidOperationException(
            "The FHIR definitions (spec/fhir/r4) were not found: run from the FhirEf folder or set FHIREF_ROOT.");
        return Load(SpecificationSource.FromSpecDirectory(spec));
    }
}
