using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>Reverse chaining <c>_has</c> (R4 search §3.1.1.4.15), nested, to the depth cap.</summary>
public sealed class HasSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("_has:Observation:patient:code=8867-4", "a")]
    [InlineData("_has:Observation:subject:code=8480-6", "b")]
    [InlineData("_has:Observation:subject:status=final", "a,b,c")]
    [InlineData("_has:Observation:subject:status=preliminary", "a")]
    [InlineData("_has:Observation:subject:status=final,preliminary", "a,b,c")]
    [InlineData("_has:Observation:subject:status=final&gender=female", "b,c")]
    [InlineData("_has:Observation:subject:status=preliminary&_has:RiskAssessment:subject:probability=gt0.5", "a")]
    [InlineData("_has:RiskAssessment:subject:probability=gt0.5", "a")]
    [InlineData("_has:RiskAssessment:subject:probability=lt0.1", "")]
    [InlineData("_has:Condition:subject:code=http://example.org/cs/animals|cat", "b")]
    [InlineData("_has:Observation:patient:_has:AuditEvent:entity:type=x", "")]
    [InlineData("_has:Observation:subject:_has:DiagnosticReport:result:status=final", "a")]
    [InlineData("_has:Observation:subject:_has:DiagnosticReport:result:status=cancelled", "")]
    [InlineData("_has:Encounter:subject:_has:Observation:encounter:status=preliminary", "a")]
    [InlineData("_has:Observation:subject:subject:Patient.gender=male", "a")]
    public async Task Reverse_chains(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("_has:Patient:organization:_has:Observation:subject:code=8480-6", "org2")]
    [InlineData("_has:Organization:partof:name=beta", "org1")]
    public async Task Reverse_chains_to_organizations(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Organization", query));

    [Fact]
    public async Task Nesting_past_the_cap_is_a_400()
    {
        var query = string.Concat(Enumerable.Repeat("_has:Patient:link:", 6)) + "gender=male";
        await Assert.ThrowsAsync<InvalidSearchException>(() => data.SearchAsync("Patient", query));
    }
}
