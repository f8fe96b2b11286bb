using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>number and quantity parameters (R4 search §3.1.1.4.6, §3.1.1.4.11): values with the range their precision implies, and units.</summary>
public sealed class NumberAndQuantityValueTests
{
    [Theory]
    [InlineData("0.8", "0.8 [0.75,0.85)")]
    [InlineData("0.80", "0.80 [0.795,0.805)")]
    [InlineData("100", "100 [99.5,100.5)")]
    [InlineData("1.50", "1.50 [1.495,1.505)")]
    [InlineData("0.001", "0.001 [0.0005,0.0015)")]
    public void A_decimal_covers_half_a_unit_of_its_last_digit(string probability, string expected)
    {
        var indexed = Index($"{{'resourceType': 'RiskAssessment', 'id': 'r', 'status': 'final', 'subject': {{'reference': 'Patient/p'}}, 'prediction': [{{'probabilityDecimal': {probability}}}]}}");

        Assert.Equal(expected, indexed.Describe("probability"));
    }

    [Fact]
    public void An_integer_is_exact()
    {
        var indexed = Index("{'resourceType': 'MolecularSequence', 'id': 'm', 'coordinateSystem': 0, 'variant': [{'start': 100, 'end': 101}]}");

        Assert.Equal("100 [100,100)", indexed.Describe("variant-start"));
        Assert.Equal("101 [101,101)", indexed.Describe("variant-end"));
    }

    [Theory]
    // Quantity: value with its precision range, system, code and unit
    [InlineData("'valueQuantity': {'value': 185, 'unit': 'lbs', 'system': 'http://unitsofmeasure.org', 'code': '[lb_av]'}", "185 [184.5,185.5) http://unitsofmeasure.org|[lb_av] lbs")]
    [InlineData("'valueQuantity': {'value': 5.40, 'unit': 'mmol/L'}", "5.40 [5.395,5.405) | mmol/L")]
    // a comparator opens the range on its side
    [InlineData("'valueQuantity': {'value': 5, 'comparator': '<', 'system': 'http://unitsofmeasure.org', 'code': 'mg'}", "5 [-inf,5.5) http://unitsofmeasure.org|mg")]
    [InlineData("'valueQuantity': {'value': 5, 'comparator': '>=', 'system': 'http://unitsofmeasure.org', 'code': 'mg'}", "5 [4.5,+inf) http://unitsofmeasure.org|mg")]
    // a Quantity without a value gives nothing
    [InlineData("'valueQuantity': {'unit': 'mg'}", "")]
    public void An_observation_value_gives_its_quantity(string value, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Observation', 'id': 'o', 'status': 'final', 'code': {{'text': 'x'}}, {value}}}");

        Assert.Equal(expected, indexed.Describe("value-quantity"));
    }

    [Theory]
    // Age, a specialisation of Quantity
    [InlineData("'onsetAge': {'value': 52, 'unit': 'yr', 'system': 'http://unitsofmeasure.org', 'code': 'a'}", "52 [51.5,52.5) http://unitsofmeasure.org|a yr")]
    // Range: one value from the low bound's lower precision bound to the high bound's upper one
    [InlineData("'onsetRange': {'low': {'value': 50, 'system': 'http://unitsofmeasure.org', 'code': 'a'}, 'high': {'value': 60, 'system': 'http://unitsofmeasure.org', 'code': 'a'}}", "50 [49.5,60.5) http://unitsofmeasure.org|a")]
    [InlineData("'onsetRange': {'low': {'value': 50, 'system': 'http://unitsofmeasure.org', 'code': 'a'}}", "50 [49.5,+inf) http://unitsofmeasure.org|a")]
    [InlineData("'onsetRange': {'high': {'value': 18, 'unit': 'years'}}", "18 [-inf,18.5) | years")]
    public void A_condition_onset_age_is_an_age_or_a_range(string onset, string expected)
    {
        var indexed = Index($"{{'resourceType': 'Condition', 'id': 'c', 'subject': {{'reference': 'Patient/p'}}, {onset}}}");

        Assert.Equal(expected, indexed.Describe("onset-age"));
    }

    [Fact]
    public void Money_is_a_quantity_with_the_currency_as_an_ISO_4217_code()
    {
        var indexed = Index("{'resourceType': 'ChargeItem', 'id': 'ci', 'status': 'billable', 'code': {'text': 'x'}, 'subject': {'reference': 'Patient/p'}, 'priceOverride': {'value': 40.00, 'currency': 'EUR'}, 'factorOverride': 0.8}");

        Assert.Equal("40.00 [39.995,40.005) urn:iso:std:iso:4217|EUR", indexed.Describe("price-override"));
        Assert.Equal("0.8 [0.75,0.85)", indexed.Describe("factor-override"));
    }

    [Fact]
    public void A_duration_is_a_quantity()
    {
        var indexed = Index("{'resourceType': 'Encounter', 'id': 'e', 'status': 'finished', 'class': {'code': 'AMB'}, 'length': {'value': 140, 'unit': 'min', 'system': 'http://unitsofmeasure.org', 'code': 'min'}}");

        Assert.Equal("140 [139.5,140.5) http://unitsofmeasure.org|min min", indexed.Describe("length"));
    }
}
