using System.Net;
using System.Text;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>patch (https://hl7.org/fhir/R4/http.html#patch): JSON Patch and FHIRPath Patch, as an update with version control.</summary>
public sealed class PatchTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private const string Patient = """{"resourceType":"Patient","active":true,"name":[{"family":"Lee"}]}""";

    [Fact]
    public async Task Json_patch_writes_a_new_version_recorded_as_PATCH()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", """[{"op":"replace","path":"/active","value":false},{"op":"add","path":"/gender","value":"female"}]""", "application/json-patch+json");
        var history = await (await Client.GetAsync($"/fhir/Patient/{id}/_history")).BodyAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        var body = await response.BodyAsync();
        Assert.False(body.GetProperty("active").GetBoolean());
        Assert.Equal("female", body.GetProperty("gender").GetString());
        Assert.Equal("PATCH", history.GetProperty("entry")[0].GetProperty("request").GetProperty("method").GetString());
    }

    [Fact]
    public async Task FhirPath_patch_in_a_Parameters_resource_applies()
    {
        var id = await Client.CreateAsync(Patient);
        const string patch = """
            {"resourceType":"Parameters","parameter":[{"name":"operation","part":[
              {"name":"type","valueCode":"add"},{"name":"path","valueString":"Patient"},{"name":"name","valueString":"birthDate"},{"name":"value","valueDate":"1930-01-01"}]}]}
            """;

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1930-01-01", (await response.BodyAsync()).GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Patch_with_a_stale_If_Match_is_412()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", """[{"op":"remove","path":"/active"}]""", "application/json-patch+json", ("If-Match", "W/\"4\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/active","value":"yes"}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"op":"replace","path":"/id","value":"other"}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"op":"replace","path":"/resourceType","value":"Group"}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"op":"test","path":"/active","value":false}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""[{"op":"remove","path":"/gender"}]""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"op":"remove"}""", HttpStatusCode.BadRequest)]
    [InlineData("""[{"op":"jump","path":"/x"}]""", HttpStatusCode.BadRequest)]
    [InlineData("[", HttpStatusCode.BadRequest)]
    public async Task Patch_that_cannot_apply_is_rejected_and_writes_nothing(string patch, HttpStatusCode status)
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", patch, "application/json-patch+json");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.BodyAsync()).GetProperty("resourceType").GetString());
        Assert.Equal("W/\"1\"", (await Client.GetAsync($"/fhir/Patient/{id}")).Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Patch_of_an_unknown_resource_is_404_and_of_a_deleted_one_410()
    {
        var id = await Client.CreateAsync(Patient);
        await Client.DeleteAsync($"/fhir/Patient/{id}");

        var unknown = await Client.SendAsync(HttpMethod.Patch, "/fhir/Patient/never", "[]", "application/json-patch+json");
        var deleted = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", "[]", "application/json-patch+json");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, deleted.StatusCode);
    }

    [Fact]
    public async Task Xml_patch_is_415()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", "<diff/>", "application/xml-patch+xml");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Patch_with_Prefer_minimal_answers_without_a_body()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient/{id}", """[{"op":"remove","path":"/active"}]""", "application/json-patch+json", ("Prefer", "return=minimal"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }
}
