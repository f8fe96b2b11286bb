using System.Net;
using System.Text;
using FhirEf.Admin.Tests.Infrastructure;

namespace FhirEf.Admin.Tests.Errors;

/// <summary>Invalid requests get a 400 OData error payload, never a 500.</summary>
public sealed class InvalidRequestTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Theory]
    [InlineData("/odata/Patient?$filter=genderSort eq")]
    [InlineData("/odata/Patient?$filter=(genderSort eq 'male'")]
    [InlineData("/odata/Patient?$filter=nosuch eq 1")]
    [InlineData("/odata/Patient?$filter=versionId eq 'one'")]
    [InlineData("/odata/Patient?$filter=gender eq 'male'")]
    [InlineData("/odata/Patient?$filter=isof('FhirEf.Patient')")]
    [InlineData("/odata/Patient?$top=-1")]
    [InlineData("/odata/Patient?$skip=-1")]
    [InlineData("/odata/Patient?$top=abc")]
    [InlineData("/odata/Patient?$orderby=nosuch")]
    [InlineData("/odata/Patient?$orderby=gender")]
    [InlineData("/odata/Patient?$select=nosuch")]
    [InlineData("/odata/Patient?$expand=nosuch")]
    [InlineData("/odata/Patient?$skiptoken=abc")]
    [InlineData("/odata/Patient?$apply=groupby((nosuch))")]
    [InlineData("/odata/Patient?$apply=groupby((genderSort),aggregate(genderSort with sum as s))")]
    [InlineData("/odata/Patient?$apply=aggregate($count as n)/filter(n gt 1)")]
    [InlineData("/odata/Patient?$apply=groupby((genderSort),aggregate($count as n))&$orderby=nosuch desc")]
    [InlineData("/odata/Patient?$apply=groupby((genderSort),aggregate($count as n))&$orderby=n sideways")]
    [InlineData("/odata/HumanName?$search=smith")]
    [InlineData("/odata/NoSuchSet")]
    [InlineData("/odata/Patient('a')/genderSort")]
    [InlineData("/odata/Patient('a','b')")]
    [InlineData("/odata/Patient?$count=maybe")]
    public async Task Invalid_requests_are_400(string url)
    {
        var body = await server.AdminOf(server.ProjectA).JsonAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("400", body.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_filter_of_10000_terms_is_400()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 10_000).Select(i => $"versionId eq {i}"));

        await server.AdminOf(server.ProjectA).JsonAsync("/odata/Patient?$filter=" + Uri.EscapeDataString(filter), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_deeply_nested_filter_is_400()
    {
        var filter = new string('(', 5000) + "versionId eq 1" + new string(')', 5000);

        await server.AdminOf(server.ProjectA).JsonAsync("/odata/Patient?$filter=" + Uri.EscapeDataString(filter), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_1_MB_url_is_400()
    {
        var value = new StringBuilder().Append('x', 1024 * 1024).ToString();

        await server.AdminOf(server.ProjectA).JsonAsync($"/odata/Patient?$filter=genderSort eq '{value}'", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unacceptable_format_is_406()
    {
        await server.AdminOf(server.ProjectA).JsonAsync("/odata/Patient?$format=application/xml", HttpStatusCode.NotAcceptable);
    }
}
