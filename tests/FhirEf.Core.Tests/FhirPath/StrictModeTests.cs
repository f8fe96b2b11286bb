using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Strict mode refuses what normal evaluation forgives.</summary>
public sealed class StrictModeTests
{
    private static readonly FhirPathCompiler Strict = new(FhirDefinitions.R4.Structures, strict: true);

    [Theory]
    [InlineData("(Observation.value as Period).unit")]
    [InlineData("Observation.component.valueQuantity")]
    [InlineData("Observation.children().first()")]
    [InlineData("Observation.descendants()[0]")]
    public void Type_unsafe_expressions_do_not_compile(string expression) =>
        Assert.Throws<FhirPathSyntaxException>(() => Strict.Compile(expression));

    [Theory]
    [InlineData("name.given1", "[]")]
    [InlineData("Encounter.status", "[]")]
    [InlineData("iif('yes', 1, 2)", "[1]")]
    public void Unsafe_steps_that_normal_evaluation_forgives_fail_in_strict_mode(string expression, string normalResult)
    {
        var patient = Input("patient-example.json");

        Assert.Equal(normalResult, EvaluateToJson(expression, patient));
        Assert.Throws<FhirPathEvaluationException>(() => Strict.Compile(expression).Evaluate(patient));
    }
}
