using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>$validate, $meta, $meta-add and $meta-delete (https://hl7.org/fhir/R4/resource-operations.html).</summary>
public sealed class OperationsTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Validate_of_a_valid_resource_says_so_and_stores_nothing()
    {
        var response = await Client.PostAsync("/fhir/Patient/$validate", """{"resourceType":"Patient","id":"v1","birthDate":"1980-01-01"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("informational", await response.IssueCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/v1")).StatusCode);
    }

    [Fact]
    public async Task Validate_lists_every_issue_of_an_invalid_resource()
    {
        var response = await Client.PostAsync("/fhir/Patient/$validate", """{"resourceType":"Patient","birthDate":"soon","shoeSize":44}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issues = (await response.BodyAsync()).GetProperty("issue").EnumerateArray().ToList();
        Assert.Equal(2, issues.Count);
        Assert.All(issues, i => Assert.Equal("error", i.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Validate_takes_a_Parameters_body_with_resource_and_mode()
    {
        const string parameters = """
            {"resourceType":"Parameters","parameter":[{"name":"mode","valueCode":"update"},
             {"name":"resource","resource":{"resourceType":"Patient","id":"other"}}]}
            """;

        var response = await Client.PostAsync("/fhir/Patient/p1/$validate", parameters);

        var issue = (await response.BodyAsync()).GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Contains("id 'p1'", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_another_type_than_the_url_is_an_error_issue()
    {
        var response = await Client.PostAsync("/fhir/Observation/$validate", """{"resourceType":"Patient"}""");

        Assert.Equal("error", (await response.BodyAsync()).GetProperty("issue")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Meta_add_and_meta_delete_change_tags_and_profiles_and_meta_reads_them()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Patient","meta":{"tag":[{"system":"http://t","code":"a"}]}}""");
        const string add = """
            {"resourceType":"Parameters","parameter":[{"name":"meta","valueMeta":{
              "tag":[{"system":"http://t","code":"a"},{"system":"http://t","code":"b"}],"profile":["http://example.org/p"]}}]}
            """;
        const string remove = """{"resourceType":"Parameters","parameter":[{"name":"meta","valueMeta":{"tag":[{"system":"http://t","code":"a"}]}}]}""";

        var added = await Client.PostAsync($"/fhir/Patient/{id}/$meta-add", add);
        var removed = await Client.PostAsync($"/fhir/Patient/{id}/$meta-delete", remove);
        var meta = await (await Client.GetAsync($"/fhir/Patient/{id}/$meta")).BodyAsync();
        var firstVersionMeta = await (await Client.GetAsync($"/fhir/Patient/{id}/_history/1/$meta")).BodyAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(["a", "b"], (await added.BodyAsync()).GetProperty("parameter")[0].GetProperty("valueMeta").GetProperty("tag").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var current = meta.GetProperty("parameter")[0].GetProperty("valueMeta");
        Assert.Equal(["b"], current.GetProperty("tag").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal("http://example.org/p", current.GetProperty("profile")[0].GetString());
        Assert.Equal("3", current.GetProperty("versionId").GetString());
        Assert.Equal("1", firstVersionMeta.GetProperty("parameter")[0].GetProperty("valueMeta").GetProperty("versionId").GetString());
    }

    [Theory]
    [InlineData("/fhir/Patient/none/$meta", "GET", HttpStatusCode.NotFound)]
    [InlineData("/fhir/Patient/none/$meta-add", "POST", HttpStatusCode.NotFound)]
    [InlineData("/fhir/Unicorn/1/$meta", "GET", HttpStatusCode.NotFound)]
    public async Task Meta_of_what_does_not_exist_is_404(string path, string method, HttpStatusCode status)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path, method == "POST" ? """{"resourceType":"Parameters","parameter":[{"name":"meta","valueMeta":{"tag":[{"code":"x"}]}}]}""" : null);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Meta_add_without_a_meta_parameter_is_400()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Patient"}""");

        var response = await Client.PostAsync($"/fhir/Patient/{id}/$meta-add", """{"resourceType":"Parameters"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
