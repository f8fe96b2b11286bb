using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>create, read, vread, update, delete over HTTP, with their status codes and headers (https://hl7.org/fhir/R4/http.html).</summary>
public sealed class ReadWriteTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private const string Patient = """{"resourceType":"Patient","active":true,"name":[{"family":"Lee","given":["Ann+Bo"]}],"birthDate":"1970-02-03"}""";

    [Fact]
    public async Task Create_answers_201_with_Location_ETag_Last_Modified_and_the_stored_resource()
    {
        var response = await Client.PostAsync("/fhir/Patient", Patient);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.BodyAsync();
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"http://localhost/fhir/Patient/{id}/_history/1", response.Headers.Location?.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("1", body.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_ignores_the_client_id_and_version()
    {
        var body = await (await Client.PostAsync("/fhir/Patient", """{"resourceType":"Patient","id":"mine","meta":{"versionId":"9"}}""")).BodyAsync();

        Assert.NotEqual("mine", body.GetProperty("id").GetString());
        Assert.Equal("1", body.GetProperty("meta").GetProperty("versionId").GetString());
    }

    [Fact]
    public async Task Read_returns_the_stored_json_with_ETag_and_Last_Modified_and_does_not_escape_plus()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.GetAsync($"/fhir/Patient/{id}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("\"Ann+Bo\"", text, StringComparison.Ordinal);
        Assert.Equal(text.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Head_answers_like_read_without_a_body()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.SendAsync(HttpMethod.Head, $"/fhir/Patient/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/fhir/Patient/never-was", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/fhir/Unicorn/1", HttpStatusCode.NotFound, "not-supported")]
    [InlineData("/fhir/Patient/bad_id!", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("/fhir/Patient/$nothing", HttpStatusCode.BadRequest, "invalid")]
    [InlineData("/fhir/Patient/1/_history/x", HttpStatusCode.NotFound, "not-found")]
    [InlineData("/fhir/Patient/1/2/3/4/5", HttpStatusCode.NotFound, "not-found")]
    public async Task Read_of_what_is_not_there_is_an_OperationOutcome_with_the_right_status(string path, HttpStatusCode status, string code)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await response.IssueCodeAsync());
    }

    [Fact]
    public async Task Update_writes_a_new_version_and_vread_returns_every_version()
    {
        var id = await Client.CreateAsync(Patient);

        var update = await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}","active":false}""");
        var first = await Client.GetAsync($"/fhir/Patient/{id}/_history/1");
        var second = await Client.GetAsync($"/fhir/Patient/{id}/_history/2");

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("W/\"2\"", update.Headers.ETag?.ToString());
        Assert.True((await first.BodyAsync()).GetProperty("active").GetBoolean());
        Assert.False((await second.BodyAsync()).GetProperty("active").GetBoolean());
        Assert.Equal("W/\"2\"", second.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/fhir/Patient/{id}/_history/3")).StatusCode);
    }

    [Fact]
    public async Task Update_of_a_new_id_creates_it_with_201_and_Location()
    {
        var id = "client-" + Guid.NewGuid().ToString("N")[..8];

        var response = await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"http://localhost/fhir/Patient/{id}/_history/1", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"other"}""")]
    [InlineData("""{"resourceType":"Patient"}""")]
    [InlineData("""{"resourceType":"Observation","id":"u1","status":"final","code":{"text":"x"}}""")]
    public async Task Update_whose_body_does_not_match_the_url_is_a_bad_request_and_writes_nothing(string body)
    {
        var response = await Client.PutAsync("/fhir/Patient/u1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/u1")).StatusCode);
    }

    [Fact]
    public async Task Update_with_a_stale_If_Match_is_412_and_keeps_the_current_version()
    {
        var id = await Client.CreateAsync(Patient);
        await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}","active":false}""");

        var stale = await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}","gender":"other"}""", ("If-Match", "W/\"1\""));
        var current = await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}","gender":"female"}""", ("If-Match", "W/\"2\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("W/\"3\"", current.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Delete_answers_204_then_read_is_410_with_the_deletion_ETag_and_delete_again_is_204()
    {
        var id = await Client.CreateAsync(Patient);

        var delete = await Client.DeleteAsync($"/fhir/Patient/{id}");
        var read = await Client.GetAsync($"/fhir/Patient/{id}");
        var again = await Client.DeleteAsync($"/fhir/Patient/{id}");
        var deletedVersion = await Client.GetAsync($"/fhir/Patient/{id}/_history/2");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Equal("W/\"2\"", read.Headers.ETag?.ToString());
        Assert.Equal("deleted", await read.IssueCodeAsync());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, deletedVersion.StatusCode);
    }

    [Fact]
    public async Task Update_after_delete_brings_the_resource_back_with_201()
    {
        var id = await Client.CreateAsync(Patient);
        await Client.DeleteAsync($"/fhir/Patient/{id}");

        var response = await Client.PutAsync($"/fhir/Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("W/\"3\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Delete_with_a_stale_If_Match_is_412()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.DeleteAsync($"/fhir/Patient/{id}", ("If-Match", "W/\"5\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/fhir/Patient/{id}")).StatusCode);
    }

    [Fact]
    public async Task Conditional_read_answers_304_when_the_client_copy_is_current()
    {
        var id = await Client.CreateAsync(Patient);
        var read = await Client.GetAsync($"/fhir/Patient/{id}");
        var lastModified = read.Content.Headers.LastModified!.Value;

        var sameETag = await Client.GetAsync($"/fhir/Patient/{id}", ("If-None-Match", "W/\"1\""));
        var otherETag = await Client.GetAsync($"/fhir/Patient/{id}", ("If-None-Match", "W/\"7\""));
        var notModified = await Client.GetAsync($"/fhir/Patient/{id}", ("If-Modified-Since", lastModified.AddSeconds(1).ToString("r")));
        var modified = await Client.GetAsync($"/fhir/Patient/{id}", ("If-Modified-Since", lastModified.AddDays(-1).ToString("r")));

        Assert.Equal(HttpStatusCode.NotModified, sameETag.StatusCode);
        Assert.Equal("W/\"1\"", sameETag.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.OK, otherETag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Theory]
    [InlineData("return=minimal", "")]
    [InlineData("return=representation", "Patient")]
    [InlineData("return=OperationOutcome", "OperationOutcome")]
    [InlineData("", "Patient")]
    public async Task Prefer_return_decides_the_body_of_a_create(string prefer, string resourceType)
    {
        var response = await Client.PostAsync("/fhir/Patient", Patient, ("Prefer", prefer));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal(resourceType, text.Length == 0 ? string.Empty : JsonDocument.Parse(text).RootElement.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task Prefer_OperationOutcome_on_delete_answers_200_with_the_outcome()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.DeleteAsync($"/fhir/Patient/{id}", ("Prefer", "return=OperationOutcome"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("informational", await response.IssueCodeAsync());
    }

    [Fact]
    public async Task Summary_and_elements_apply_to_reads_and_tag_the_subset()
    {
        var id = await Client.CreateAsync(Patient);

        var summary = await (await Client.GetAsync($"/fhir/Patient/{id}?_summary=text")).BodyAsync();
        var elements = await (await Client.GetAsync($"/fhir/Patient/{id}?_elements=birthDate")).BodyAsync();

        Assert.False(summary.TryGetProperty("name", out _));
        Assert.Equal("SUBSETTED", summary.GetProperty("meta").GetProperty("tag")[0].GetProperty("code").GetString());
        Assert.Equal(["resourceType", "id", "meta", "birthDate"], elements.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Pretty_indents_the_same_resource()
    {
        var id = await Client.CreateAsync(Patient);

        var compact = await Client.GetAsync($"/fhir/Patient/{id}");
        var pretty = await Client.GetAsync($"/fhir/Patient/{id}?_pretty=true");
        var prettyText = await pretty.Content.ReadAsStringAsync();

        Assert.Contains('\n', prettyText);
        Assert.True(JsonElement.DeepEquals(await compact.BodyAsync(), await pretty.BodyAsync()));
    }

    [Fact]
    public async Task Application_json_is_accepted_in_and_answered_in_kind()
    {
        var response = await Client.SendAsync(HttpMethod.Post, "/fhir/Patient", Patient, "application/json", ("Accept", "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_format_parameter_overrides_an_xml_Accept()
    {
        var id = await Client.CreateAsync(Patient);

        var response = await Client.GetAsync($"/fhir/Patient/{id}?_format=json", ("Accept", "application/fhir+xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("application/fhir+xml", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/fhir+json; charset=iso-8859-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/fhir+json; fhirVersion=3.0", HttpStatusCode.UnsupportedMediaType)]
    public async Task Body_in_a_format_the_server_does_not_read_is_415_and_writes_nothing(string contentType, HttpStatusCode status)
    {
        var response = await Client.SendAsync(HttpMethod.Put, "/fhir/Patient/ct1", """{"resourceType":"Patient","id":"ct1"}""", contentType);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("application/fhir+json", (await response.BodyAsync()).GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/ct1")).StatusCode);
    }

    [Theory]
    [InlineData("application/fhir+xml")]
    [InlineData("application/xml")]
    public async Task Asking_for_xml_is_406_and_writes_nothing(string accept)
    {
        var response = await Client.SendAsync(HttpMethod.Put, "/fhir/Patient/x406", """{"resourceType":"Patient","id":"x406"}""", FhirHttp.FhirJson, ("Accept", accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("not-supported", await response.IssueCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/x406")).StatusCode);
    }

    [Fact]
    public async Task Invalid_resource_is_400_with_every_issue()
    {
        var response = await Client.PostAsync("/fhir/Patient", """{"resourceType":"Patient","birthDate":"yesterday","colour":"blue","active":"yes"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issues = (await response.BodyAsync()).GetProperty("issue").EnumerateArray().ToList();
        Assert.Equal(3, issues.Count);
        Assert.Contains(issues, i => i.GetProperty("expression")[0].GetString() == "Patient.birthDate");
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("\"Patient\"")]
    public async Task Malformed_json_is_400(string body)
    {
        var response = await Client.PostAsync("/fhir/Patient", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.BodyAsync()).GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task Create_of_another_type_than_the_url_is_400()
    {
        var response = await Client.PostAsync("/fhir/Observation", Patient);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/fhir/Patient/123")]
    [InlineData("PATCH", "/fhir")]
    [InlineData("POST", "/fhir/Patient/1/_history")]
    [InlineData("PUT", "/fhir/Patient/123/_history/1")]
    public async Task Method_the_url_does_not_take_is_405_with_an_OperationOutcome(string method, string path)
    {
        var response = await Client.SendAsync(new HttpMethod(method), path, "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("not-supported", await response.IssueCodeAsync());
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_echoes_a_sane_client_one()
    {
        var generated = await Client.GetAsync("/fhir/Patient/none");
        var echoed = await Client.GetAsync("/fhir/Patient/none", ("X-Request-Id", "client-123"));

        Assert.Equal(32, generated.Header("X-Request-Id").Length);
        Assert.Equal("client-123", echoed.Header("X-Request-Id"));
    }
}
