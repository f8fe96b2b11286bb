using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Tree navigation: children() and descendants(), in document order.</summary>
internal static class TreeNavigationFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("children", _ => static (input, _, _) => Navigation.Children(input)),
        new("descendants", _ => static (input, _, _) => Navigation.Descendants(input)),
    ];
}
