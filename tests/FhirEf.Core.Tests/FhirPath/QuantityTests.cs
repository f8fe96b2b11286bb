using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Quantities compare and combine by UCUM unit and calendar duration (FHIRPath N1 §Quantity Equality).</summary>
public sealed class QuantityTests
{
    [Theory]
    [InlineData("1 'kg' = 1000 'g'", "[true]")]
    [InlineData("100 'cm' = 1 'm'", "[true]")]
    [InlineData("1 '[lb_av]' > 450 'g'", "[true]")]
    [InlineData("1 '[in_i]' = 2.54 'cm'", "[true]")]
    [InlineData("37 'Cel' = 98.6 '[degF]'", "[true]")]
    [InlineData("120 'mm[Hg]' > 15 'kPa'", "[true]")]
    [InlineData("5 'mg/dL' = 50 'mg/L'", "[true]")]
    [InlineData("1 'mL' = 1 'cm3'", "[true]")]
    [InlineData("2 '10*3/uL' = 2000 '/uL'", "[true]")]
    [InlineData("72 '/min' = 72 '{beats}/min'", "[true]")]
    [InlineData("1 'h' = 60 'min'", "[true]")]
    [InlineData("1 week = 7 days", "[true]")]
    [InlineData("1 day = 24 'h'", "[true]")]
    [InlineData("1 year = 12 months", "[true]")]
    [InlineData("1 year = 1 'a'", "[]")]
    [InlineData("1 year ~ 1 'a'", "[true]")]
    [InlineData("1 'kg' = 1 'm'", "[false]")]
    [InlineData("1 'kg' < 1 'm'", "[]")]
    [InlineData("3 'm' + 3 'cm'", "[{\"value\":303,\"unit\":\"cm\"}]")]
    [InlineData("12 'cm2' / 3 'cm' = 4 'cm'", "[true]")]
    [InlineData("1 'kg'.comparable(1 '[lb_av]')", "[true]")]
    [InlineData("1 '[iU]/L' = 0.001 '[iU]/mL'", "[true]")]
    [InlineData("1 '[iU]' = 1 'mg'", "[false]")]
    [InlineData("'5.5 \\'mg\\''.toQuantity('g')", "[{\"value\":0.0055,\"unit\":\"g\"}]")]
    public void Quantities_compare_by_unit(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression));

    [Fact]
    public void A_fhir_quantity_compares_by_its_ucum_code()
    {
        var observation = Resource("""{"resourceType":"Observation","status":"final","code":{"text":"w"},"valueQuantity":{"value":185,"unit":"lbs","system":"http://unitsofmeasure.org","code":"[lb_av]"}}""");

        Assert.Equal("[true]", EvaluateToJson("Observation.value > 80 'kg'", observation));
        Assert.Equal("[true]", EvaluateToJson("Observation.value < 85 'kg'", observation));
    }

    [Fact]
    public void Two_fhir_quantities_compare_by_unit_not_child_by_child()
    {
        var observation = Resource("""
            {"resourceType":"Observation","status":"final","code":{"text":"w"},
             "valueQuantity":{"value":1.5,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"},
             "referenceRange":[{"low":{"value":1500,"unit":"g","system":"http://unitsofmeasure.org","code":"g"}}]}
            """);

        Assert.Equal("[true]", EvaluateToJson("Observation.value = Observation.referenceRange.low", observation));
        Assert.Equal("[true]", EvaluateToJson("Observation.value ~ Observation.referenceRange.low", observation));
    }
}
