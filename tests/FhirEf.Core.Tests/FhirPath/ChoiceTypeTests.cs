using FhirEf.Core.FhirPath;
using FhirEf.Core.Resources;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Choice elements (value[x]) and the type operators on them, including <c>as</c> over collections.</summary>
public sealed class ChoiceTypeTests
{
    private static readonly ElementNode BloodPressure = Resource("""
        {"resourceType":"Observation","status":"final","code":{"text":"BP"},
         "component":[
           {"code":{"text":"systolic"},"valueQuantity":{"value":120,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"text":"position"},"valueCodeableConcept":{"text":"sitting"}},
           {"code":{"text":"diastolic"},"valueQuantity":{"value":80,"unit":"mmHg","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},
           {"code":{"text":"note"},"valueString":"calm"}]}
        """);

    [Theory]
    [InlineData("(Observation.component.value as Quantity).value", "[120,80]")]
    [InlineData("Observation.component.value.as(Quantity).value", "[120,80]")]
    [InlineData("Observation.component.value.ofType(Quantity).value", "[120,80]")]
    [InlineData("(Observation.component.value as CodeableConcept).text", "[\"sitting\"]")]
    [InlineData("(Observation.component.value as string)", "[\"calm\"]")]
    [InlineData("(Observation.component.value as Period)", "[]")]
    public void As_filters_a_collection_by_type(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, BloodPressure));

    [Theory]
    [InlineData("Observation.component.value.count()", "[4]")]
    [InlineData("Observation.component.value.unit", "[\"mmHg\",\"mmHg\"]")]
    [InlineData("Observation.component.where(value is Quantity).code.text", "[\"systolic\",\"diastolic\"]")]
    [InlineData("Observation.component.where((value as Quantity) > 100 'mm[Hg]').code.text", "[\"systolic\"]")]
    [InlineData("Observation.component.value.first() is Quantity", "[true]")]
    [InlineData("Observation.component.value.first().type().name", "[\"Quantity\"]")]
    [InlineData("Observation.component[3].value is string", "[true]")]
    public void A_choice_element_is_navigated_by_its_name_and_typed_by_its_value(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, BloodPressure));

    [Fact]
    public void A_choice_json_name_is_not_a_path_step()
    {
        var error = Assert.Throws<FhirPathEvaluationException>(() => Evaluate("Observation.component.valueQuantity", BloodPressure));

        Assert.Contains("value.ofType(Quantity)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_a_codeable_concept_with_a_quantity_is_an_error() =>
        Assert.Throws<FhirPathEvaluationException>(() => Evaluate("Observation.component.where(value > 100 'mm[Hg]')", BloodPressure));

    [Fact]
    public void Is_on_several_items_is_an_error() =>
        Assert.Throws<FhirPathEvaluationException>(() => Evaluate("Observation.component.value is Quantity", BloodPressure));

    [Theory]
    [InlineData("Observation.code.is(CodeableConcept)", "[true]")]
    [InlineData("Observation.is(DomainResource)", "[true]")]
    [InlineData("Observation.is(FHIR.Resource)", "[true]")]
    [InlineData("Observation.status.is(code)", "[true]")]
    [InlineData("Observation.status.is(string)", "[true]")]
    [InlineData("Observation.status.as(string)", "[]")]
    [InlineData("Observation.status.is(System.String)", "[false]")]
    [InlineData("Resource.id.exists()", "[false]")]
    [InlineData("DomainResource.code.text", "[\"BP\"]")]
    [InlineData("Patient.name", "[]")]
    public void Type_names_follow_the_definitions(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, BloodPressure));

    [Fact]
    public void An_unknown_type_name_is_a_syntax_error() =>
        Assert.Throws<FhirPathSyntaxException>(() => Evaluate("Observation.value.ofType(Quantityy)", BloodPressure));
}
