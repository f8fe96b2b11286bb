using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Bundles;

/// <summary>batch (https://hl7.org/fhir/R4/http.html#brules): independent entries, one response each, in request order.</summary>
public sealed class BatchTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Batch_with_a_failing_entry_keeps_the_others_and_answers_each_in_order()
    {
        var existing = await Client.CreateAsync("""{"resourceType":"Patient","active":true}""");
        var bundle = new BundleBuilder("batch")
            .Entry("POST", "Patient", """{"resourceType":"Patient","gender":"female"}""")
            .Entry("GET", $"Patient/{existing}")
            .Entry("PUT", "Patient/b-1", """{"resourceType":"Patient","id":"wrong"}""")
            .Entry("GET", "Patient/never")
            .Entry("PUT", "Patient/b-2", """{"resourceType":"Patient","id":"b-2"}""")
            .Entry("DELETE", $"Patient/{existing}")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal("batch-response", body.GetProperty("type").GetString());
        var statuses = body.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("response").GetProperty("status").GetString()).ToList();
        Assert.Equal(["201 Created", "410 Gone", "400 Bad Request", "404 Not Found", "201 Created", "204 No Content"], statuses);
        Assert.Equal("OperationOutcome", body.GetProperty("entry")[2].GetProperty("response").GetProperty("outcome").GetProperty("resourceType").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/fhir/Patient/b-2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/b-1")).StatusCode);
    }

    [Fact]
    public async Task Batch_reads_carry_their_resource_and_writes_their_location_and_etag()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Patient"}""");
        var bundle = new BundleBuilder("batch")
            .Entry("GET", $"Patient/{id}")
            .Entry("PUT", $"Patient/{id}", $$"""{"resourceType":"Patient","id":"{{id}}","active":true}""")
            .Build();

        var entries = (await (await Client.PostAsync("/fhir", bundle)).BodyAsync()).GetProperty("entry");

        Assert.Equal("Patient", entries[0].GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.False(entries[1].TryGetProperty("resource", out _));
        Assert.Equal("W/\"2\"", entries[1].GetProperty("response").GetProperty("etag").GetString());
        Assert.True(entries[1].GetProperty("response").TryGetProperty("lastModified", out _));
    }

    [Fact]
    public async Task Prefer_representation_puts_written_resources_into_the_response()
    {
        var bundle = new BundleBuilder("batch").Entry("POST", "Patient", """{"resourceType":"Patient"}""").Build();

        var entry = (await (await Client.PostAsync("/fhir", bundle, ("Prefer", "return=representation"))).BodyAsync()).GetProperty("entry")[0];

        Assert.Equal("1", entry.GetProperty("resource").GetProperty("meta").GetProperty("versionId").GetString());
        Assert.StartsWith("Patient/", entry.GetProperty("response").GetProperty("location").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_entry_with_an_invalid_resource_fails_the_whole_bundle_with_every_issue()
    {
        var bundle = new BundleBuilder("batch")
            .Entry("POST", "Patient", """{"resourceType":"Patient","birthDate":"never"}""")
            .Entry("POST", "Patient", """{"resourceType":"Patient"}""")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bundle.entry[0].resource.birthDate", (await response.BodyAsync()).GetProperty("issue")[0].GetProperty("expression")[0].GetString());
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient"}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection"}""")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":[{"resource":{"resourceType":"Patient"}}]}""")]
    public async Task Posting_anything_but_a_batch_or_transaction_to_the_base_is_400(string body)
    {
        var response = await Client.PostAsync("/fhir", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
