using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>composite parameters (R4 search §3.1.1.4.17): one tuple per element, pairing the values of that same element.</summary>
public sealed class CompositeValueTests
{
    private const string BloodPressure = """
        {'resourceType': 'Observation', 'id': 'bp', 'status': 'final',
         'code': {'coding': [{'system': 'http://loinc.org', 'code': '85354-9'}]},
         'component': [
           {'code': {'coding': [{'system': 'http://loinc.org', 'code': '8480-6'}]}, 'valueQuantity': {'value': 107, 'system': 'http://unitsofmeasure.org', 'code': 'mm[Hg]'}},
           {'code': {'coding': [{'system': 'http://loinc.org', 'code': '8462-4'}]}, 'valueQuantity': {'value': 60, 'system': 'http://unitsofmeasure.org', 'code': 'mm[Hg]'}},
           {'code': {'text': 'position'}, 'valueCodeableConcept': {'text': 'sitting'}}]}
        """;

    [Theory]
    [InlineData("component-code-value-quantity", "(http://loinc.org|8480-6 $ 107 [106.5,107.5) http://unitsofmeasure.org|mm[Hg]) ; (http://loinc.org|8462-4 $ 60 [59.5,60.5) http://unitsofmeasure.org|mm[Hg])")]
    [InlineData("component-code-value-concept", "(| (position) $ | (sitting))")]
    [InlineData("combo-code-value-quantity", "(http://loinc.org|8480-6 $ 107 [106.5,107.5) http://unitsofmeasure.org|mm[Hg]) ; (http://loinc.org|8462-4 $ 60 [59.5,60.5) http://unitsofmeasure.org|mm[Hg])")]
    [InlineData("code-value-quantity", "")]
    [InlineData("component-value-quantity", "107 [106.5,107.5) http://unitsofmeasure.org|mm[Hg] ; 60 [59.5,60.5) http://unitsofmeasure.org|mm[Hg]")]
    public void Each_component_pairs_its_own_code_and_value(string code, string expected)
    {
        Assert.Equal(expected, Index(BloodPressure).Describe(code));
    }

    [Theory]
    [InlineData("'valueQuantity': {'value': 6.3, 'unit': 'mmol/l', 'system': 'http://unitsofmeasure.org', 'code': 'mmol/L'}", "code-value-quantity", "(http://loinc.org|15074-8 (Glucose) $ 6.3 [6.25,6.35) http://unitsofmeasure.org|mmol/L mmol/l)")]
    [InlineData("'valueQuantity': {'value': 6.3, 'unit': 'mmol/l', 'system': 'http://unitsofmeasure.org', 'code': 'mmol/L'}", "combo-code-value-quantity", "(http://loinc.org|15074-8 (Glucose) $ 6.3 [6.25,6.35) http://unitsofmeasure.org|mmol/L mmol/l)")]
    [InlineData("'valueCodeableConcept': {'coding': [{'system': 'http://snomed.info/sct', 'code': '260385009'}]}", "code-value-concept", "(http://loinc.org|15074-8 (Glucose) $ http://snomed.info/sct|260385009)")]
    [InlineData("'valueString': 'high'", "code-value-string", "(http://loinc.org|15074-8 (Glucose) $ high)")]
    [InlineData("'valuePeriod': {'start': '2020-01-01', 'end': '2020-01-02'}", "code-value-date", "(http://loinc.org|15074-8 (Glucose) $ 2020-01-01T00:00:00.0000000Z..2020-01-02T23:59:59.9999999Z)")]
    [InlineData("'valueDateTime': '2020-01-01'", "code-value-date", "(http://loinc.org|15074-8 (Glucose) $ 2020-01-01T00:00:00.0000000Z..2020-01-01T23:59:59.9999999Z)")]
    [InlineData("'valueString': 'high'", "code-value-quantity", "")]
    public void An_observation_pairs_its_code_with_its_value(string value, string code, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'coding': [{{'system': 'http://loinc.org', 'code': '15074-8', 'display': 'Glucose'}}]}}, {value}}}");

        Assert.Equal(expected, indexed.Describe(code));
    }

    [Fact]
    public void A_group_characteristic_pairs_its_code_and_value()
    {
        var indexed = Index("""
            {'resourceType': 'Group', 'id': 'g', 'type': 'person', 'actual': true,
             'characteristic': [{'code': {'text': 'gender'}, 'valueCodeableConcept': {'text': 'mixed'}, 'exclude': false},
                                {'code': {'text': 'owner'}, 'valueCodeableConcept': {'text': 'Eve'}, 'exclude': false}]}
            """);

        Assert.Equal("(| (gender) $ | (mixed)) ; (| (owner) $ | (Eve))", indexed.Describe("characteristic-value"));
    }

    [Fact]
    public void A_use_context_pairs_its_type_with_a_quantity_or_range()
    {
        var indexed = Index("""
            {'resourceType': 'ActivityDefinition', 'id': 'a', 'status': 'draft',
             'useContext': [{'code': {'system': 'http://terminology.hl7.org/CodeSystem/usage-context-type', 'code': 'age'}, 'valueRange': {'low': {'value': 18, 'code': 'a'}, 'high': {'value': 65, 'code': 'a'}}}]}
            """);

        Assert.Equal("(http://terminology.hl7.org/CodeSystem/usage-context-type|age $ 18 [17.5,65.5) |a)", indexed.Describe("context-type-quantity"));
        Assert.Equal("18 [17.5,65.5) |a", indexed.Describe("context-quantity"));
    }
}
