using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Environment variables, trace and the clock come from the caller.</summary>
public sealed class EnvironmentTests
{
    private static readonly ElementNode Patient = Resource("""
        {"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","id":"o","name":"Acme"}],"managingOrganization":{"reference":"#o"}}
        """);

    [Theory]
    [InlineData("%resource.id", "[\"p\"]")]
    [InlineData("%rootResource.id", "[\"p\"]")]
    [InlineData("%context.id", "[\"p\"]")]
    [InlineData("%ucum", "[\"http://unitsofmeasure.org\"]")]
    [InlineData("%`vs-administrative-gender`", "[\"http://hl7.org/fhir/ValueSet/administrative-gender\"]")]
    [InlineData("%'ext-patient-birthTime'", "[\"http://hl7.org/fhir/StructureDefinition/patient-birthTime\"]")]
    public void Built_in_variables_are_defined(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, Patient));

    [Fact]
    public void Resource_and_root_resource_of_a_contained_resource_differ()
    {
        var organization = Patient.ChildrenNamed("contained")[0];

        Assert.Equal("[\"o\",\"p\"]", FhirPathFormatting.Describe(Evaluate("%resource.id | %rootResource.id", organization)));
    }

    [Fact]
    public void User_variables_are_read_with_percent()
    {
        var options = new FhirPathEvaluationOptions
        {
            Variables = new Dictionary<string, object?> { ["limit"] = 3, ["names"] = FhirPathCollection.Of("a", "b"), ["nothing"] = null },
        };

        Assert.Equal("[4,2,true]", FhirPathFormatting.Describe(Evaluate("(%limit + 1) | %names.count() | %nothing.empty()", Patient, options)));
    }

    [Fact]
    public void An_evaluation_nested_in_a_resolver_keeps_the_outer_evaluation_intact()
    {
        var target = Resource("""{"resourceType":"Organization","id":"org","name":"Acme"}""");
        var options = new FhirPathEvaluationOptions
        {
            ResolveReference = reference =>
                FhirEf.Core.FhirPath.Compilation.FhirPathCompiler.R4.Compile("name.where($index = 0).exists()").Evaluate(target)[0] is true ? target : null,
        };
        var observation = Resource("""{"resourceType":"Observation","id":"obs","status":"final","code":{"text":"x"},"performer":[{"reference":"urn:uuid:a"},{"reference":"urn:uuid:b"}]}""");

        var result = Evaluate("Observation.performer.select(resolve().id & ':' & $index.toString() & ':' & %resource.id)", observation, options);

        Assert.Equal("[\"org:0:obs\",\"org:1:obs\"]", FhirPathFormatting.Describe(result));
    }

    [Fact]
    public void An_undefined_variable_is_an_error() =>
        Assert.Throws<FhirPathEvaluationException>(() => Evaluate("%undefined", Patient));

    [Fact]
    public void Trace_goes_to_the_supplied_sink_and_returns_its_input()
    {
        var traced = new List<string>();
        var options = new FhirPathEvaluationOptions { Trace = (name, collection) => traced.Add($"{name}={FhirPathFormatting.Describe(collection)}") };

        var result = Evaluate("Patient.id.trace('id').trace('length', length())", Patient, options);

        Assert.Equal(["id=[\"p\"]", "length=[1]"], traced);
        Assert.Equal("[\"p\"]", FhirPathFormatting.Describe(result));
    }

    [Fact]
    public void Now_and_today_come_from_the_supplied_clock()
    {
        var options = new FhirPathEvaluationOptions { Now = new DateTimeOffset(2024, 2, 29, 23, 15, 0, TimeSpan.FromHours(2)) };

        Assert.Equal("[\"2024-02-29\",\"2024-02-29T23:15:00.000+02:00\",\"23:15:00.000\"]", FhirPathFormatting.Describe(Evaluate("today() | now() | timeOfDay()", Patient, options)));
    }

    [Fact]
    public void Member_of_is_empty_without_a_terminology_server() =>
        Assert.Equal("[]", EvaluateToJson("'male'.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')"));
}
