using System.Net;
using FhirEf.Api.Tests.Bundles;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>Conditional create, update, patch and delete (https://hl7.org/fhir/R4/http.html#ccreate) and conditional references in transactions.</summary>
public sealed class ConditionalTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private static string Patient(string system, string value) =>
        $$"""{"resourceType":"Patient","identifier":[{"system":"{{system}}","value":"{{value}}"}]}""";

    [Fact]
    public async Task Conditional_create_creates_once_then_returns_the_match_and_refuses_several()
    {
        var system = Unique();
        var first = await Client.PostAsync("/fhir/Patient", Patient(system, "1"), ("If-None-Exist", $"identifier={system}|1"));
        var second = await Client.PostAsync("/fhir/Patient", Patient(system, "1"), ("If-None-Exist", $"identifier={system}|1"));
        await Client.CreateAsync(Patient(system, "2"));
        var several = await Client.PostAsync("/fhir/Patient", Patient(system, "3"), ("If-None-Exist", $"identifier={system}|"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.BodyAsync()).GetProperty("id").GetString(), (await second.BodyAsync()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, several.StatusCode);
    }

    [Fact]
    public async Task Conditional_update_creates_without_a_match_and_updates_the_one_match()
    {
        var system = Unique();

        var created = await Client.PutAsync($"/fhir/Patient?identifier={system}|1", Patient(system, "1"));
        var updated = await Client.PutAsync($"/fhir/Patient?identifier={system}|1", $$"""{"resourceType":"Patient","active":true,"identifier":[{"system":"{{system}}","value":"1"}]}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("W/\"2\"", updated.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Conditional_delete_and_patch_act_on_the_one_match_and_refuse_several()
    {
        var system = Unique();
        var id = await Client.CreateAsync(Patient(system, "1"));
        await Client.CreateAsync(Patient(system, "2"));
        await Client.CreateAsync(Patient(system, "2"));

        var patched = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient?identifier={system}|1", """[{"op":"add","path":"/active","value":true}]""", "application/json-patch+json");
        var severalPatch = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient?identifier={system}|2", "[]", "application/json-patch+json");
        var noMatchPatch = await Client.SendAsync(HttpMethod.Patch, $"/fhir/Patient?identifier={system}|9", "[]", "application/json-patch+json");
        var deleted = await Client.DeleteAsync($"/fhir/Patient?identifier={system}|1");
        var severalDelete = await Client.DeleteAsync($"/fhir/Patient?identifier={system}|2");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, severalPatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noMatchPatch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await Client.GetAsync($"/fhir/Patient/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, severalDelete.StatusCode);
    }

    [Fact]
    public async Task Conditional_delete_without_criteria_is_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.DeleteAsync("/fhir/Patient")).StatusCode);
    }

    [Fact]
    public async Task Transaction_resolves_conditional_references_and_if_none_exist()
    {
        var system = Unique();
        var existing = await Client.CreateAsync(Patient(system, "known"));
        var bundle = new BundleBuilder("transaction")
            .Entry("POST", "Observation", $$"""{"resourceType":"Observation","status":"final","code":{"text":"t"},"subject":{"reference":"Patient?identifier={{system}}|known"},"performer":[{"reference":"urn:uuid:new"}]}""")
            .Entry("POST", "Patient", Patient(system, "known"), "urn:uuid:dup", ifNoneExist: $"identifier={system}|known")
            .Entry("POST", "Patient", Patient(system, "new"), "urn:uuid:new", ifNoneExist: $"identifier={system}|new")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await response.BodyAsync()).GetProperty("entry");
        Assert.Equal("200 OK", entries[1].GetProperty("response").GetProperty("status").GetString());
        Assert.Equal("201 Created", entries[2].GetProperty("response").GetProperty("status").GetString());
        var created = entries[2].GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0];
        var observation = await (await Client.GetAsync("/fhir/" + entries[0].GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0])).BodyAsync();
        Assert.Equal($"Patient/{existing}", observation.GetProperty("subject").GetProperty("reference").GetString());
        Assert.Equal(created, observation.GetProperty("performer")[0].GetProperty("reference").GetString());
    }

    [Fact]
    public async Task Transaction_with_a_conditional_reference_that_matches_nothing_fails_and_writes_nothing()
    {
        var system = Unique();
        var bundle = new BundleBuilder("transaction")
            .Entry("PUT", "Patient/cond-none", """{"resourceType":"Patient","id":"cond-none"}""")
            .Entry("POST", "Observation", $$$"""{"resourceType":"Observation","status":"final","code":{"text":"t"},"subject":{"reference":"Patient?identifier={{{system}}}|missing"}}""")
            .Build();

        var response = await Client.PostAsync("/fhir", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/cond-none")).StatusCode);
    }

    private static string Unique() => "http://test/" + Guid.NewGuid().ToString("N")[..8];
}
