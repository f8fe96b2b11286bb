using System.Net;
using System.Text;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Bundles;

/// <summary>transaction (https://hl7.org/fhir/R4/http.html#trules): all or nothing, in the specification's order, links between entries rewritten.</summary>
public sealed class TransactionTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Transaction_creates_everything_and_rewrites_urn_uuid_references()
    {
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Observation", """{"resourceType":"Observation","status":"final","code":{"text":"t"},"subject":{"reference":"urn:uuid:p1"}}""", "urn:uuid:o1")
            .Entry("POST", "Patient", """{"resourceType":"Patient","managingOrganization":{"reference":"urn:uuid:org"}}""", "urn:uuid:p1")
            .Entry("POST", "Organization", """{"resourceType":"Organization","name":"Org"}""", "urn:uuid:org")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.BodyAsync()).GetProperty("entry").EnumerateArray().ToList();
        Assert.Equal("transaction-response", (await response.BodyAsync()).GetProperty("type").GetString());
        Assert.All(entries, e => Assert.Equal("201 Created", e.GetProperty("response").GetProperty("status").GetString()));
        var locations = entries.Select(e => e.GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0]).ToList();
        var observation = await (await Client.GetAsync($"/fhir/{locations[0]}")).BodyAsync();
        var patient = await (await Client.GetAsync($"/fhir/{locations[1]}")).BodyAsync();
        Assert.Equal(locations[1], observation.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal(locations[2], patient.GetProperty("managingOrganization").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Transaction_whose_last_entry_fails_leaves_nothing_behind()
    {
        var existing = await Client.CreateAsync("""{"resourceType":"Patient","active":true}""");
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Patient", """{"resourceType":"Patient","gender":"male"}""", "urn:uuid:a")
            .Entry("PUT", "Patient/tx-fail-1", """{"resourceType":"Patient","id":"tx-fail-1"}""")
            .Entry("DELETE", $"Patient/{existing}")
            .Entry("PUT", $"Patient/{existing}-other", $$"""{"resourceType":"Patient","id":"{{existing}}-other"}""", ifMatch: "W/\"3\"")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var issue = (await response.BodyAsync()).GetProperty("issue")[0];
        Assert.StartsWith("Bundle.entry[3]", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/fhir/Patient/{existing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/tx-fail-1")).StatusCode);
        var history = await (await Client.GetAsync("/fhir/Patient/_history")).BodyAsync();
        Assert.DoesNotContain(
            history.GetProperty("entry").EnumerateArray(),
            e => e.TryGetProperty("resource", out var resource) && resource.TryGetProperty("gender", out var gender) && gender.GetString() == "male");
    }

    [Fact]
    public async Task Entries_run_delete_post_put_get_whatever_their_order_in_the_bundle()
    {
        var gone = await Client.CreateAsync("""{"resourceType":"Patient"}""");
        var bundle = new BundleBuilder("transaction")
            .Entry("GET", "Patient/order-put")
            .Entry("PUT", "Patient/order-put", """{"resourceType":"Patient","id":"order-put","link":[{"other":{"reference":"urn:uuid:created"},"type":"seealso"}]}""")
            .Entry("POST", "Patient", """{"resourceType":"Patient"}""", "urn:uuid:created")
            .Entry("GET", $"Patient/{gone}")
            .Entry("DELETE", $"Patient/{gone}-not-this")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.BodyAsync()).GetProperty("entry");
        Assert.Equal("200 OK", entries[0].GetProperty("response").GetProperty("status").GetString());
        Assert.Equal("order-put", entries[0].GetProperty("resource").GetProperty("id").GetString());
        var created = entries[2].GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0];
        Assert.Equal(created, entries[0].GetProperty("resource").GetProperty("link")[0].GetProperty("other").GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Read_of_a_deleted_resource_fails_the_transaction()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Patient"}""");
        var bundle = new BundleBuilder("transaction")
            .Entry("DELETE", $"Patient/{id}")
            .Entry("GET", $"Patient/{id}")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/fhir/Patient/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("PUT", "DELETE")]
    [InlineData("PATCH", "PUT")]
    public async Task Two_writes_to_one_resource_are_400_and_nothing_is_written(string first, string second)
    {
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Patient", """{"resourceType":"Patient","gender":"unknown"}""")
            .Entry(first, "Patient/dup-1", first == "PATCH" ? """{"resourceType":"Parameters"}""" : """{"resourceType":"Patient","id":"dup-1"}""")
            .Entry(second, "Patient/dup-1", second == "PUT" ? """{"resourceType":"Patient","id":"dup-1"}""" : null)
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/dup-1")).StatusCode);
    }

    [Fact]
    public async Task Patch_entries_take_a_FhirPath_patch_or_a_json_patch_in_a_Binary()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Patient","active":true}""");
        var jsonPatch = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"add","path":"/gender","value":"other"}]"""));
        var bundle = new BundleBuilder("transaction")
            .Entry("PATCH", $"Patient/{id}", $$"""{"resourceType":"Binary","contentType":"application/json-patch+json","data":"{{jsonPatch}}"}""")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("other", (await (await Client.GetAsync($"/fhir/Patient/{id}")).BodyAsync()).GetProperty("gender").GetString());
    }

    [Fact]
    public async Task Empty_transaction_succeeds_with_no_entries()
    {
        var response = await Client.PostAsync("/fhir", """{"resourceType":"Bundle","type":"transaction"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("transaction-response", (await response.BodyAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Transaction_of_ten_thousand_entries_succeeds()
    {
        var builder = new BundleBuilder("transaction")
            .Entry("POST", "Patient", """{"resourceType":"Patient","name":[{"family":"Big"}]}""", "urn:uuid:big-patient");
        for (var i = 1; i < 10_000; i++)
        {
            builder.Entry("POST", "Observation", $$"""{"resourceType":"Observation","status":"final","code":{"text":"n{{i}}"},"subject":{"reference":"urn:uuid:big-patient"},"valueInteger":{{i}}}""");
        }

        var response = await Client.PostAsync("/fhir", builder.Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.BodyAsync()).GetProperty("entry");
        Assert.Equal(10_000, entries.GetArrayLength());
        var patient = entries[0].GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0];
        var last = await (await Client.GetAsync("/fhir/" + entries[9_999].GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0])).BodyAsync();
        Assert.Equal(patient, last.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal(9_999, last.GetProperty("valueInteger").GetInt32());
    }

    [Fact]
    public async Task A_create_whose_body_is_not_the_type_its_url_names_fails_the_transaction_and_no_create_is_stored()
    {
        var family = "Wrongtype" + Guid.NewGuid().ToString("N")[..8];
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Patient", $$"""{"resourceType":"Patient","name":[{"family":"{{family}}"}]}""")
            .Entry("POST", "Patient", """{"resourceType":"Observation","status":"final","code":{"text":"x"}}""")
            .Entry("POST", "Patient", $$"""{"resourceType":"Patient","name":[{"family":"{{family}}"}]}""")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var diagnostics = (await response.BodyAsync()).GetProperty("issue")[0].GetProperty("diagnostics").GetString();
        Assert.StartsWith("Bundle.entry[1]", diagnostics, StringComparison.Ordinal);
        Assert.Contains("URL names Patient", diagnostics, StringComparison.Ordinal);
        Assert.Equal(0, (await (await Client.GetAsync($"/fhir/Patient?family={family}&_total=accurate")).BodyAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Created_entries_are_stored_with_meta_indexed_and_in_history_as_posts()
    {
        var family = "Batched" + Guid.NewGuid().ToString("N")[..8];
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Patient", $$"""{"resourceType":"Patient","id":"ignored","name":[{"family":"{{family}}"}]}""", "urn:uuid:b1")
            .Entry("POST", "Observation", """{"resourceType":"Observation","status":"final","code":{"text":"b"},"subject":{"reference":"urn:uuid:b1"}}""")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.BodyAsync()).GetProperty("entry");
        var location = entries[0].GetProperty("response").GetProperty("location").GetString()!;
        Assert.Equal("W/\"1\"", entries[0].GetProperty("response").GetProperty("etag").GetString());
        var id = location.Split('/')[1];
        Assert.NotEqual("ignored", id);
        var patient = await (await Client.GetAsync($"/fhir/Patient/{id}")).BodyAsync();
        Assert.Equal("1", patient.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal(
            entries[0].GetProperty("response").GetProperty("lastModified").GetString(),
            patient.GetProperty("meta").GetProperty("lastUpdated").GetString());
        var found = await (await Client.GetAsync($"/fhir/Observation?subject:Patient.family={family}&_total=accurate")).BodyAsync();
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var history = await (await Client.GetAsync($"/fhir/Patient/{id}/_history")).BodyAsync();
        Assert.Equal("POST", history.GetProperty("entry")[0].GetProperty("request").GetProperty("method").GetString());
    }

    [Fact]
    public async Task A_conditional_create_that_matches_nothing_and_nobody_refers_to_is_created()
    {
        var value = "cc-" + Guid.NewGuid().ToString("N")[..8];
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Patient", $$"""{"resourceType":"Patient","identifier":[{"system":"urn:cc","value":"{{value}}"}]}""", ifNoneExist: $"identifier=urn:cc|{value}")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = (await response.BodyAsync()).GetProperty("entry")[0];
        Assert.Equal("201 Created", entry.GetProperty("response").GetProperty("status").GetString());
        var again = await Client.PostAsync("/fhir", bundle);
        Assert.Equal("200 OK", (await again.BodyAsync()).GetProperty("entry")[0].GetProperty("response").GetProperty("status").GetString());
    }
}
