namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>number and quantity (R4 search §3.1.1.4.6, §3.1.1.4.11): precision-based equality, every prefix, <c>system|code</c> units.</summary>
public sealed class NumberQuantitySearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("probability=0.8", "r1")]
    [InlineData("probability=0.80", "r1")]
    [InlineData("probability=8e-1", "r1")]
    [InlineData("probability=0.25", "r2")]
    [InlineData("probability=0.3", "r2")]
    [InlineData("probability=0.30", "")]
    [InlineData("probability=0.4", "")]
    [InlineData("probability=gt0.5", "r1")]
    [InlineData("probability=ge0.25", "r1,r2")]
    [InlineData("probability=lt0.5", "r2")]
    [InlineData("probability=le0.25", "r2")]
    [InlineData("probability=ne0.8", "r2")]
    [InlineData("probability=sa0.5", "r1")]
    [InlineData("probability=eb0.5", "r2")]
    [InlineData("probability=ap0.75", "r1")]
    [InlineData("probability=0.25,0.8", "r1,r2")]
    public async Task Number(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("RiskAssessment", query));

    [Theory]
    [InlineData("value-quantity=80", "o1")]
    [InlineData("value-quantity=8e1", "o1")]
    [InlineData("value-quantity=120", "")]
    [InlineData("value-quantity=120.5", "o2")]
    [InlineData("value-quantity=gt100", "o2")]
    [InlineData("value-quantity=ge80", "o1,o2")]
    [InlineData("value-quantity=lt100", "o1")]
    [InlineData("value-quantity=le80", "o1")]
    [InlineData("value-quantity=ne80", "o2")]
    [InlineData("value-quantity=sa100", "o2")]
    [InlineData("value-quantity=eb100", "o1")]
    [InlineData("value-quantity=ap118", "o2")]
    [InlineData("value-quantity=ap60", "")]
    [InlineData("value-quantity=80|http://unitsofmeasure.org|/min", "o1")]
    [InlineData("value-quantity=80|http://unitsofmeasure.org|mm[Hg]", "")]
    [InlineData("value-quantity=80|http://other.org|/min", "")]
    [InlineData("value-quantity=120.5||mm[Hg]", "o2")]
    [InlineData("value-quantity=gt10||mm[Hg]", "o2")]
    [InlineData("value-quantity=80||/min", "o1")]
    [InlineData("component-value-quantity=gt130", "o3")]
    [InlineData("component-value-quantity=gt85|http://unitsofmeasure.org|mm[Hg]", "o3")]
    [InlineData("component-value-quantity=lt80", "")]
    public async Task Quantity(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Observation", query));
}
