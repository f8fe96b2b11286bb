using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Api.Tests.Jobs;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Bulk;

/// <summary>
/// <c>$import</c> with <c>indexing=later</c>: the load stores content and history, the completed job names the
/// reindex job it queued, and once that has run the resources are found by searches, chains included.
/// </summary>
public sealed class ImportIndexLaterTests : FhirApiTest, IDisposable
{
    private const int Patients = 300;
    private readonly DirectoryInfo _root;

    public ImportIndexLaterTests(FhirDatabaseFixture database)
        : this(database, Directory.CreateTempSubdirectory("fhiref-import-later-"))
    {
    }

    private ImportIndexLaterTests(FhirDatabaseFixture database, DirectoryInfo root)
        : base(database, new Dictionary<string, string?>
        {
            ["Fhir:Import:Root"] = root.FullName,
            ["Fhir:Import:BatchSize"] = "100",
            ["Fhir:Import:PollSeconds"] = "1",
        })
    {
        _root = root;
    }

    [Fact]
    public async Task Resources_loaded_now_are_readable_and_become_searchable_when_the_queued_reindex_has_run()
    {
        var family = "Later" + Guid.NewGuid().ToString("N")[..8];

        var manifest = await ImportAsync(family, "later");

        var read = await Client.GetAsync($"/fhir/Patient/{family}-7");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("1", (await read.BodyAsync()).GetProperty("meta").GetProperty("versionId").GetString());

        var reindexUrl = manifest.GetProperty("extension").GetProperty("reindex").GetString()!;
        var reindexed = await JobPolling.UntilDoneAsync(Client, new Uri(reindexUrl).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, reindexed.StatusCode);
        Assert.Equal(Patients, await CountAsync($"/fhir/Patient?family={family}&_total=accurate&_count=0"));
        Assert.Equal([$"{family}-7-obs"], await Client.SearchIdsAsync($"/fhir/Observation?subject=Patient/{family}-7"));
        Assert.Equal(Patients, await CountAsync($"/fhir/Observation?subject:Patient.family={family}&_total=accurate&_count=0"));
    }

    [Fact]
    public async Task An_import_indexing_now_queues_no_reindex()
    {
        var family = "Now" + Guid.NewGuid().ToString("N")[..8];

        var manifest = await ImportAsync(family, "now");

        Assert.False(manifest.TryGetProperty("extension", out _));
        Assert.Equal(Patients, await CountAsync($"/fhir/Patient?family={family}&_total=accurate&_count=0"));
    }

    [Fact]
    public async Task An_unknown_indexing_value_is_refused_naming_the_parameter()
    {
        using var response = await Client.PostAsync("/fhir/$import", Manifest("now.ndjson", """{"name":"indexing","valueCode":"tomorrow"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'indexing' is 'now' or 'later', not 'tomorrow'", (await response.BodyAsync()).ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Imports <see cref="WriteInputAsync"/>'s resources with <paramref name="indexing"/>; returns the completed job's manifest.</summary>
    private async Task<JsonElement> ImportAsync(string family, string indexing)
    {
        await WriteInputAsync(family + ".ndjson", family);
        using var kickOff = await Client.PostAsync("/fhir/$import", Manifest(family + ".ndjson", $$"""{"name":"indexing","valueCode":"{{indexing}}"}"""));
        var done = await JobPolling.UntilDoneAsync(Client, kickOff);
        var manifest = await done.BodyAsync();
        Assert.True(done.StatusCode == HttpStatusCode.OK, manifest.ToString());
        Assert.Equal(2 * Patients, manifest.GetProperty("output")[0].GetProperty("count").GetInt64());
        return manifest;
    }

    /// <summary>Patients <c>{family}-{i}</c> and one Observation each, referencing its patient.</summary>
    private async Task WriteInputAsync(string name, string family)
    {
        await using var writer = new StreamWriter(Path.Combine(_root.FullName, name));
        for (var i = 0; i < Patients; i++)
        {
            await writer.WriteLineAsync($$"""{"resourceType":"Patient","id":"{{family}}-{{i}}","name":[{"family":"{{family}}","given":["P{{i}}"]}]}""");
            await writer.WriteLineAsync(
                $$"""{"resourceType":"Observation","id":"{{family}}-{{i}}-obs","status":"final","code":{"text":"weight"},"subject":{"reference":"Patient/{{family}}-{{i}}"} }""");
        }
    }

    private static string Manifest(string url, string extra) => $$"""
        {"resourceType":"Parameters","parameter":[
          {"name":"inputFormat","valueCode":"application/fhir+ndjson"},
          {{extra}},
          {"name":"input","part":[{"name":"url","valueUrl":"{{url}}"}]}]}
        """;

    private async Task<int> CountAsync(string path)
    {
        var bundle = await (await Client.GetAsync(path)).BodyAsync();
        Assert.True(bundle.TryGetProperty("total", out var total), bundle.ToString());
        return total.GetInt32();
    }
}
