using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>FHIRPath N1 §Boolean logic: not().</summary>
internal static class BooleanFunctions
{
    public static IEnumerable<FunctionDefinition> All { get; } =
    [
        new("not", _ => static (input, _, context) => BooleanLogic.ToCollection(!BooleanLogic.ToBoolean(input, context, "not()"))),
    ];
}
