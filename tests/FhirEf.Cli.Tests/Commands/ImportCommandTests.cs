using System.IO.Compression;
using System.Text.Json;
using FhirEf.Cli.Tests.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Tests.Commands;

/// <summary><c>fhiref import</c> of the repository's Synthea NDJSON and bundles: counts, searchability, resumption.</summary>
public sealed class ImportCommandTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>
{
    private static readonly string NdjsonFolder = TestData.PathOf("synthea-ndjson");

    [Fact]
    public async Task Importing_the_ndjson_folder_stores_every_line_once_and_a_rerun_adds_no_version()
    {
        var project = database.ProjectId;
        var expected = ExpectedNdjsonCounts();

        var first = await CliRun.RunImportAsync(database.ConnectionString, NdjsonFolder, "--project", project, "--batch-size", "500");
        var second = await CliRun.RunImportAsync(database.ConnectionString, NdjsonFolder, "--project", project);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"{expected.Values.Sum()} resources stored, 0 refused", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        foreach (var (type, count) in expected)
        {
            Assert.Equal((count, count), await CountAsync(type, project));
        }

        var patient = JsonDocument.Parse(File.ReadLines(Path.Combine(NdjsonFolder, "Patient.000.ndjson")).First()).RootElement;
        var patientId = patient.GetProperty("id").GetString()!;
        var expectedEncounters = File.ReadLines(Path.Combine(NdjsonFolder, "Encounter.000.ndjson"))
            .Count(l => l.Contains($"\"Patient/{patientId}\"", StringComparison.Ordinal));
        await using var host = new StorageHost(database);
        await using var scope = host.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<IFhirSearchService>().SearchAsync(
            new SearchRequest("Encounter", [new("subject", "Patient/" + patientId), new("_count", "1000"), new("_total", "accurate")]), default);
        Assert.NotEqual(0, expectedEncounters);
        Assert.Equal(expectedEncounters, found.Total);
    }

    [Fact]
    public async Task Importing_gzipped_bundles_stores_their_entries_with_resolved_references()
    {
        var project = "bundles-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Directory.CreateTempSubdirectory("fhiref-import-");
        try
        {
            var bundles = Directory.GetFiles(TestData.PathOf("synthea"), "*.json");
            foreach (var bundle in bundles)
            {
                await using var target = new GZipStream(File.Create(Path.Combine(folder.FullName, Path.GetFileName(bundle) + ".gz")), CompressionLevel.Fastest);
                await using var source = File.OpenRead(bundle);
                await source.CopyToAsync(target);
            }

            var run = await CliRun.RunImportAsync(database.ConnectionString, folder.FullName, "--project", project);

            Assert.Equal(0, run.ExitCode);
            var entries = bundles.SelectMany(b => JsonDocument.Parse(File.ReadAllText(b)).RootElement.GetProperty("entry").EnumerateArray())
                .Select(e => e.GetProperty("resource"))
                .ToList();
            foreach (var group in entries.GroupBy(e => e.GetProperty("resourceType").GetString()!))
            {
                Assert.Equal((group.Count(), group.Count()), await CountAsync(group.Key, project));
            }

            var patients = entries.Where(e => e.GetProperty("resourceType").GetString() == "Patient").Select(e => e.GetProperty("id").GetString()!).ToList();
            var encountersOfFirst = entries.Count(e => e.GetProperty("resourceType").GetString() == "Encounter"
                && e.GetProperty("subject").GetProperty("reference").GetString() == "urn:uuid:" + patients[0]);
            Assert.NotEqual(0, encountersOfFirst);
            Assert.Equal(encountersOfFirst, await ScalarAsync(
                "SELECT count(*) FROM \"Encounter_References\" WHERE \"projectId\" = $1 AND code = 'subject' AND \"targetType\" = 'Patient' AND \"targetId\" = $2",
                project, patients[0]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Indexing_later_stores_everything_unsearchable_until_the_queued_reindex_job_runs()
    {
        var project = "later-" + Guid.NewGuid().ToString("N")[..8];
        var expected = ExpectedNdjsonCounts();
        var patientId = JsonDocument.Parse(File.ReadLines(Path.Combine(NdjsonFolder, "Patient.000.ndjson")).First()).RootElement.GetProperty("id").GetString()!;
        var expectedEncounters = File.ReadLines(Path.Combine(NdjsonFolder, "Encounter.000.ndjson"))
            .Count(l => l.Contains($"\"Patient/{patientId}\"", StringComparison.Ordinal));

        var import = await CliRun.RunImportAsync(database.ConnectionString, NdjsonFolder, "--project", project, "--index-later");

        Assert.Equal(0, import.ExitCode);
        foreach (var (type, count) in expected)
        {
            Assert.Equal((count, count), await CountAsync(type, project));
        }

        var job = System.Text.RegularExpressions.Regex.Match(import.Output, "fhiref reindex --resume ([0-9a-f-]{36})");
        Assert.True(job.Success, import.Output);
        Assert.Equal(0, await EncountersOfAsync(project, patientId));

        var reindex = await CliRun.RunDataAsync(database.ConnectionString, "reindex", "--resume", job.Groups[1].Value);

        Assert.True(reindex.ExitCode == 0, reindex.Output + reindex.Error);
        Assert.NotEqual(0, expectedEncounters);
        Assert.Equal(expectedEncounters, await EncountersOfAsync(project, patientId));
    }

    [Fact]
    public async Task A_missing_path_is_an_error_and_nothing_is_imported()
    {
        var run = await CliRun.RunImportAsync(database.ConnectionString, Path.Combine(NdjsonFolder, "missing.ndjson"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("neither a file nor a folder", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The Encounters a search by subject finds: the <c>_References</c> rows of the tenant naming the patient.</summary>
    private Task<long> EncountersOfAsync(string project, string patientId) => ScalarAsync(
        "SELECT count(*) FROM \"Encounter_References\" WHERE \"projectId\" = $1 AND code = 'subject' AND \"targetType\" = 'Patient' AND \"targetId\" = $2",
        project, patientId);

    private static Dictionary<string, int> ExpectedNdjsonCounts() =>
        Directory.GetFiles(NdjsonFolder, "*.ndjson").ToDictionary(
            f => Path.GetFileName(f).Split('.')[0],
            f => File.ReadLines(f).Count(l => l.Length > 0));

    /// <summary>(rows in the main table, rows in the history table) of a type in a tenant.</summary>
    private async Task<(long, long)> CountAsync(string type, string project) =>
        (await ScalarAsync($"SELECT count(*) FROM \"{type}\" WHERE \"projectId\" = $1", project),
         await ScalarAsync($"SELECT count(*) FROM \"{type}_History\" WHERE \"projectId\" = $1", project));

    private async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
