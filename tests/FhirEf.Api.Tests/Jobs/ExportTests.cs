using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>
/// Bulk Data $export: kick-off (Prefer: respond-async), polling, the manifest, the NDJSON files, the filters
/// (_type, _since, _typeFilter), Patient and Group level, and DELETE. Each test exports only what it wrote,
/// told apart by a marker in the data, since the class's tests share a tenant.
/// </summary>
public sealed class ExportTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private static readonly (string, string) RespondAsync = ("Prefer", "respond-async");

    [Fact]
    public async Task System_export_writes_one_file_per_type_with_every_resource()
    {
        var patient = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Exported"}]}""");
        var observations = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            observations.Add(await Client.CreateAsync(Observation(patient, "1111-1")));
        }

        var manifest = await ExportAsync("/fhir/$export?_type=Patient,Observation");

        Assert.Equal(["Observation", "Patient"], manifest.Keys.Order(StringComparer.Ordinal));
        Assert.Subset(manifest["Observation"].Select(Id).ToHashSet(), observations);
        Assert.Contains(patient, manifest["Patient"].Select(Id));
        Assert.All(manifest["Observation"], r => Assert.Equal("Observation", r.GetProperty("resourceType").GetString()));
    }

    [Fact]
    public async Task Since_leaves_out_resources_not_changed_after_it()
    {
        await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Old"}]}""");

        var manifest = await ExportAsync($"/fhir/$export?_type=Patient&_since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}");

        Assert.Empty(manifest);
    }

    [Fact]
    public async Task Type_filter_exports_only_the_matching_resources_of_its_type()
    {
        var patient = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Filtered"}]}""");
        var wanted = await Client.CreateAsync(Observation(patient, "2222-2"));
        await Client.CreateAsync(Observation(patient, "3333-3"));

        var manifest = await ExportAsync($"/fhir/$export?_type=Observation&_typeFilter={Uri.EscapeDataString("Observation?code=2222-2")}");

        Assert.Equal([wanted], manifest["Observation"].Select(Id));
    }

    [Fact]
    public async Task Group_export_covers_the_members_compartments_only()
    {
        var member = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Member"}]}""");
        var outsider = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Outsider"}]}""");
        var memberObservation = await Client.CreateAsync(Observation(member, "4444-4"));
        await Client.CreateAsync(Observation(outsider, "4444-4"));
        var group = await Client.CreateAsync($$$"""{"resourceType":"Group","type":"person","actual":true,"member":[{"entity":{"reference":"Patient/{{{member}}}"}}]}""");

        var manifest = await ExportAsync($"/fhir/Group/{group}/$export?_type=Patient,Observation");

        Assert.Equal([member], manifest["Patient"].Select(Id));
        Assert.Equal([memberObservation], manifest["Observation"].Select(Id));
    }

    [Fact]
    public async Task Patient_export_leaves_out_resources_outside_every_patient_compartment()
    {
        var patient = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"InCompartment"}]}""");
        var inside = await Client.CreateAsync(Observation(patient, "5555-5"));
        var outside = await Client.CreateAsync("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"5555-5"}]}}""");

        var manifest = await ExportAsync("/fhir/Patient/$export?_type=Observation");

        var ids = manifest["Observation"].Select(Id).ToList();
        Assert.Contains(inside, ids);
        Assert.DoesNotContain(outside, ids);
    }

    [Fact]
    public async Task Delete_cancels_and_removes_the_export()
    {
        var kickOff = await Client.SendAsync(HttpMethod.Get, "/fhir/$export?_type=Patient", null, FhirHttp.FhirJson, RespondAsync);
        var status = JobPolling.StatusPath(kickOff);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.DeleteAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(status)).StatusCode);
    }

    [Theory]
    [InlineData("/fhir/$export?_type=Unicorn")]
    [InlineData("/fhir/$export?_since=yesterday")]
    [InlineData("/fhir/$export?_outputFormat=text/csv")]
    [InlineData("/fhir/$export?_typeFilter=Observation%3Fnot-a-parameter%3D1")]
    [InlineData("/fhir/$export?_typeFilter=nonsense")]
    [InlineData("/fhir/$export?_elements=id")]
    public async Task Bad_kick_offs_are_400_with_an_OperationOutcome(string path)
    {
        var response = await Client.SendAsync(HttpMethod.Get, path, null, FhirHttp.FhirJson, RespondAsync);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.IssueCodeAsync());
    }

    [Fact]
    public async Task Kick_off_without_respond_async_is_400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/fhir/$export")).StatusCode);

    [Fact]
    public async Task Group_export_of_an_unknown_group_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.SendAsync(HttpMethod.Get, "/fhir/Group/nope/$export", null, FhirHttp.FhirJson, RespondAsync)).StatusCode);

    private static string Observation(string patient, string code) =>
        $$$"""{"resourceType":"Observation","status":"final","subject":{"reference":"Patient/{{{patient}}}"},"code":{"coding":[{"system":"http://loinc.org","code":"{{{code}}}"}]}}""";

    private static string Id(JsonElement resource) => resource.GetProperty("id").GetString()!;

    /// <summary>Kicks off, polls to the manifest, downloads every file; the resources by type.</summary>
    private async Task<Dictionary<string, List<JsonElement>>> ExportAsync(string path)
    {
        var done = await JobPolling.UntilDoneAsync(Client, await Client.SendAsync(HttpMethod.Get, path, null, FhirHttp.FhirJson, RespondAsync));
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        var manifest = await done.BodyAsync();
        Assert.False(manifest.GetProperty("requiresAccessToken").GetBoolean());
        Assert.Contains("$export", manifest.GetProperty("request").GetString(), StringComparison.Ordinal);

        var result = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        foreach (var output in manifest.GetProperty("output").EnumerateArray())
        {
            var file = await Client.GetAsync(new Uri(output.GetProperty("url").GetString()!).PathAndQuery, ("Accept", "application/fhir+ndjson"));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/fhir+ndjson", file.Content.Headers.ContentType?.MediaType);
            var lines = (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(output.GetProperty("count").GetInt64(), lines.Length);
            result[output.GetProperty("type").GetString()!] = [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        }

        return result;
    }
}
