namespace FhirEf.EntityFramework.Tests.Search;

/// <summary><c>_include</c>, <c>_revinclude</c>, <c>:iterate</c> over a cycle, <c>_include=*</c> (R4 search §3.1.1.5.4).</summary>
public sealed class IncludeSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("Observation", "_id=o1&_include=Observation:subject", "o1", "Patient/a")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject:Patient", "o1", "Patient/a")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject:Group", "o1", "")]
    [InlineData("Observation", "_id=o1&_include=Observation:performer", "o1", "Practitioner/pr1")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject&_include=Observation:performer", "o1", "Patient/a,Practitioner/pr1")]
    [InlineData("Observation", "_id=o1&_include=*", "o1", "Patient/a,Practitioner/pr1")]
    [InlineData("Observation", "subject=a&_include=Observation:subject", "o1,o4", "Patient/a")]
    [InlineData("Observation", "_id=o4&_include=Observation:encounter", "o4", "Encounter/e1")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject&_include=Patient:organization", "o1", "Patient/a")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject&_include:iterate=Patient:organization", "o1", "Organization/org1,Patient/a")]
    [InlineData("Observation", "_id=o1&_include=Observation:subject&_include:iterate=Patient:organization&_include:iterate=Organization:partof", "o1", "Organization/org1,Organization/org2,Patient/a")]
    [InlineData("Organization", "_id=org1&_include:iterate=Organization:partof", "org1", "Organization/org2")]
    [InlineData("Organization", "_id=org1,org2&_include:iterate=Organization:partof", "org1,org2", "")]
    [InlineData("Patient", "_id=a&_include=Patient:organization&_include:iterate=Organization:partof", "a", "Organization/org1,Organization/org2")]
    [InlineData("Patient", "_id=a&_revinclude=Observation:subject", "a", "Observation/o1,Observation/o4")]
    [InlineData("Patient", "_id=b&_revinclude=Condition:subject", "b", "Condition/c-cat,Condition/c-mammal")]
    [InlineData("Patient", "_id=a&_revinclude=Observation:subject&_include:iterate=Observation:encounter", "a", "Encounter/e1,Observation/o1,Observation/o4")]
    [InlineData("Patient", "_id=a&_revinclude=Observation:subject&_revinclude:iterate=DiagnosticReport:result", "a", "DiagnosticReport/dr1,Observation/o1,Observation/o4")]
    [InlineData("Patient", "_id=a&_revinclude=Patient:link", "a", "Patient/d")]
    [InlineData("Patient", "_id=d&_include=Patient:link", "d", "Patient/a")]
    [InlineData("Patient", "gender=zzz&_revinclude=Observation:subject", "", "")]
    public async Task Includes(string type, string query, string matches, string included)
    {
        var result = await data.SearchAsync(type, query);
        Assert.Equal(matches, string.Join(",", result.Entries.Where(e => e.Mode == Core.Abstractions.SearchEntryMode.Match).Select(e => e.Resource.Id)));
        Assert.Equal(included, SearchFixture.Included(result));
    }
}
