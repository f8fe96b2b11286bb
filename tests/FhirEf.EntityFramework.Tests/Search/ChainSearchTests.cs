using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>Chained parameters (R4 search §3.1.1.4.14) with and without type modifiers, to the depth cap (4 by default).</summary>
public sealed class ChainSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("subject:Patient.name=smith", "o1,o2,o3,o4")]
    [InlineData("subject:Patient.gender=female", "o2,o3")]
    [InlineData("subject.gender=male", "o1,o4")]
    [InlineData("subject:Patient.birthdate=lt1980", "o3")]
    [InlineData("subject:Patient.organization.name=acme", "o1,o4")]
    [InlineData("subject:Patient.organization.name=beta", "o2")]
    [InlineData("subject:Patient.organization:Organization.name=beta", "o2")]
    [InlineData("subject:Patient.organization.identifier=http://acme.org/org|ACME", "o1,o4")]
    [InlineData("subject:Patient.general-practitioner.name=who", "o1,o4")]
    [InlineData("subject:Patient.organization.partof.name=acme", "o2")]
    [InlineData("subject:Patient.organization.partof.name=beta", "o1,o4")]
    [InlineData("subject:Patient.organization.partof.partof.name=acme", "o1,o4")]
    [InlineData("subject:Patient.organization.partof:Organization.partof:Organization.name=beta", "o2")]
    [InlineData("encounter.subject:Patient.organization.partof.name=beta", "o4")]
    [InlineData("subject:Patient.name=smith&subject:Patient.gender=male", "o1,o4")]
    [InlineData("subject:Patient.name=zzz", "")]
    public async Task Chains_to_depth_four(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Observation", query));

    [Theory]
    [InlineData("subject:Patient.organization.partof.partof.partof.name=acme")]
    [InlineData("subject:Patient.link:Patient.link:Patient.link:Patient.link:Patient.name=x")]
    public async Task Chains_past_the_cap_are_a_400(string query) =>
        Assert.Contains("deeper than 4", (await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync("Observation", query))).Message, StringComparison.Ordinal);

    [Fact]
    public async Task A_fifty_link_chain_is_a_400()
    {
        var query = "subject:Patient." + string.Concat(Enumerable.Repeat("link:Patient.", 49)) + "name=x";
        await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync("Observation", query));
    }
}
