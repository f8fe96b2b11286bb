using System.Text.Json;
using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref reindex</c>, <c>export</c> and <c>stats</c> on resources written through the repository, in the fixture's tenant.</summary>
public sealed class DataCommandTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _storage = new(database);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task Reindex_rewrites_the_stale_rows_of_the_tenant_as_a_fresh_write()
    {
        await CreateAsync("""{"resourceType":"Organization","name":"Reindex Clinic","identifier":[{"system":"urn:org","value":"42"}]}""", 3);
        var fresh = await StaleRows.ReadAsync(database, "Organization");
        await StaleRows.MakeStaleAsync(database, "Organization");

        var run = await CliRun.RunDataAsync(database.ConnectionString, "reindex", "--type", "Organization", "--project", database.ProjectId, "--batch-size", "2");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("Reindexed 3 resources", run.Output, StringComparison.Ordinal);
        Assert.Equal(fresh, await StaleRows.ReadAsync(database, "Organization"));
    }

    [Fact]
    public async Task Reindex_of_an_unknown_type_is_an_error() =>
        Assert.Equal(1, (await CliRun.RunDataAsync(database.ConnectionString, "reindex", "--type", "Unicorn")).ExitCode);

    [Fact]
    public async Task Export_writes_one_ndjson_file_per_type_with_every_resource()
    {
        await CreateAsync("""{"resourceType":"Location","name":"Exported ward"}""", 4);
        var folder = Directory.CreateTempSubdirectory("fhiref-export-test-");
        try
        {
            var run = await CliRun.RunDataAsync(database.ConnectionString, "export", "--type", "Location", "--output", folder.FullName, "--project", database.ProjectId);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Equal(["Location.ndjson"], folder.GetFiles().Select(f => f.Name));
            var lines = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "Location.ndjson"));
            Assert.Equal(4, lines.Length);
            Assert.All(lines, line => Assert.Equal("Exported ward", JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Export_of_several_types_writes_them_concurrently_and_lists_the_files_in_the_order_asked()
    {
        await CreateAsync("""{"resourceType":"Person","active":true}""", 3);
        await CreateAsync("""{"resourceType":"Device","lotNumber":"lot"}""", 2);
        var folder = Directory.CreateTempSubdirectory("fhiref-export-test-");
        try
        {
            var run = await CliRun.RunDataAsync(database.ConnectionString, "export", "--type", "Person,Device,InsurancePlan", "--output", folder.FullName, "--project", database.ProjectId);

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Equal(["Device.ndjson", "Person.ndjson"], folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            var listed = run.Output.Split('\n').Where(l => l.Contains(".ndjson\t", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
            Assert.Equal(["Person.ndjson\t3", "Device.ndjson\t2"], listed);
            Assert.Contains("Exported 5 resources in 2 file(s)", run.Output, StringComparison.Ordinal);
            Assert.Equal(2, (await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "Device.ndjson"))).Length);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Stats_as_json_counts_the_tenants_resources_per_type()
    {
        await CreateAsync("""{"resourceType":"Substance","code":{"text":"salt"}}""", 2);

        var run = await CliRun.RunDataAsync(database.ConnectionString, "stats", "--json", "--project", database.ProjectId);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var types = JsonDocument.Parse(run.Output).RootElement.GetProperty("types").EnumerateArray().ToList();
        var substance = Assert.Single(types, t => t.GetProperty("type").GetString() == "Substance");
        Assert.Equal(2, substance.GetProperty("resources").GetInt64());
        Assert.True(substance.GetProperty("tableBytes").GetInt64() > 0);
    }

    private async Task CreateAsync(string json, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var document = JsonDocument.Parse(json);
            await _storage.WithRepositoryAsync(repository => repository.CreateAsync(document.RootElement, new WriteOptions(), default));
        }
    }
}
