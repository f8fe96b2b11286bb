using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>
/// <see cref="BulkExporter"/> writing several types at the same time (<c>Fhir:Export:Parallelism</c>): the same
/// files and counts as one type at a time, a resumed job rewrites only the types its progress does not list as
/// finished (progress of today's kind and of the one-type-at-a-time kind), and a cancelled job stops every
/// stream and removes its folder; the option is checked at start. Each test exports types no other test of the
/// class writes.
/// </summary>
public sealed class ParallelExportTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private const string Marker = """{"resourceType":"Marker","note":"written by an earlier run"}""";

    private readonly StorageHost _storage = new(database);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("fhiref-parallel-export-");

    private readonly NpgsqlJobStore _store = new(database.DataSource, TimeProvider.System);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task Parallel_export_writes_the_same_files_and_counts_as_a_sequential_one()
    {
        await CreateAsync("""{"resourceType":"Location","name":"ward"}""", 5);
        await CreateAsync("""{"resourceType":"Organization","name":"clinic"}""", 3);
        await CreateAsync("""{"resourceType":"Practitioner","name":[{"family":"Doe"}]}""", 4);
        string[] types = ["Location", "Organization", "Practitioner", "InsurancePlan"];

        var sequential = await ExportAsync(types, parallelism: 1);
        var parallel = await ExportAsync(types, parallelism: 3);

        ExportFile[] files = [new("Location", "Location.ndjson", 5), new("Organization", "Organization.ndjson", 3), new("Practitioner", "Practitioner.ndjson", 4)];
        Assert.Equal(files, parallel.Progress.Files);
        Assert.Equal(sequential.Progress.Files, parallel.Progress.Files);
        Assert.Equal(types, parallel.Progress.Finished);
        Assert.Equal(12, parallel.Progress.Exported);
        Assert.Equal(sequential.Progress.Exported, parallel.Progress.Exported);
        Assert.Equal(sequential.Contents, parallel.Contents);
    }

    [Fact]
    public async Task Resumed_job_keeps_the_types_its_progress_lists_as_finished_and_rewrites_the_others()
    {
        await CreateAsync("""{"resourceType":"ValueSet","status":"draft"}""", 2);
        await CreateAsync("""{"resourceType":"PractitionerRole","active":true}""", 3);
        await CreateAsync("""{"resourceType":"CareTeam","name":"team"}""", 4);
        var progress = new ExportProgress
        {
            Types = ["ValueSet", "PractitionerRole", "CareTeam"],
            Finished = ["PractitionerRole"],
            Files = [new("PractitionerRole", "PractitionerRole.ndjson", 1)],
            Exported = 1,
        };

        var resumed = await ResumeAsync(JsonSerializer.SerializeToElement(progress, JobJson.Options), finished: "PractitionerRole", unfinished: "ValueSet");

        ExportFile[] files = [new("ValueSet", "ValueSet.ndjson", 2), new("PractitionerRole", "PractitionerRole.ndjson", 1), new("CareTeam", "CareTeam.ndjson", 4)];
        Assert.Equal(files, resumed.Progress.Files);
        Assert.Equal(7, resumed.Progress.Exported);
    }

    [Fact]
    public async Task Resumed_job_with_progress_of_the_one_type_at_a_time_export_keeps_the_types_before_its_index()
    {
        await CreateAsync("""{"resourceType":"Person","active":true}""", 2);
        await CreateAsync("""{"resourceType":"Device","lotNumber":"lot"}""", 3);
        await CreateAsync("""{"resourceType":"Medication","status":"active"}""", 1);
        using var legacy = JsonDocument.Parse("""
            {"types":["Person","Device","Medication"],"typeIndex":1,"files":[{"type":"Person","name":"Person.ndjson","count":1}],
             "transactionTime":"2026-01-01T00:00:00+00:00","exported":2}
            """);

        var resumed = await ResumeAsync(legacy.RootElement.Clone(), finished: "Person", unfinished: "Device");

        ExportFile[] files = [new("Person", "Person.ndjson", 1), new("Device", "Device.ndjson", 3), new("Medication", "Medication.ndjson", 1)];
        Assert.Equal(files, resumed.Progress.Files);
        Assert.Equal(["Person", "Device", "Medication"], resumed.Progress.Finished);
        Assert.Equal(5, resumed.Progress.Exported);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), resumed.Progress.TransactionTime);
    }

    [Fact]
    public async Task Cancelled_job_stops_every_stream_and_removes_its_folder()
    {
        await CreateAsync("""{"resourceType":"Endpoint","status":"active","connectionType":{"code":"hl7-fhir-rest"},"payloadType":[{"text":"any"}],"address":"https://example.org/fhir"}""", 2);
        string[] types = ["Endpoint", "Slot", "Schedule", "Specimen", "Media", "Substance"];
        var job = await _store.CreateAsync(JobKinds.Export, Request(types), JobStatus.Running, CancellationToken.None);
        Assert.True(await _store.CancelAsync(job.Id, CancellationToken.None));

        var finished = await Exporter(parallelism: 2).RunAsync(job, _store, CancellationToken.None);

        Assert.False(finished);
        Assert.False(Directory.Exists(new ExportOptions().JobFolder(_root.FullName, job.Id)));
        // The first type to finish saves its progress, sees the cancellation and stops the rest: at most one
        // type per stream got that far.
        var progress = (await _store.GetAsync(job.Id, CancellationToken.None))!.ProgressAs<ExportProgress>()!;
        Assert.InRange(progress.FinishedTypes.Count, 1, 2);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public async Task Parallelism_outside_1_to_64_stops_the_server_at_start(string parallelism)
    {
        await using var factory = new FhirApiFactory(database, new Dictionary<string, string?> { ["Fhir:Export:Parallelism"] = parallelism });

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Parallelism must be between 1 and 64", error.ToString(), StringComparison.Ordinal);
    }

    private ExportRequest Request(IReadOnlyList<string> types) =>
        new(database.ProjectId, ExportLevel.System, null, types, null, [], "test");

    private BulkExporter Exporter(int parallelism) => ActivatorUtilities.CreateInstance<BulkExporter>(
        _storage.Services, _root.FullName, Options.Create(new ExportOptions { Parallelism = parallelism }));

    /// <summary>Runs a new export job of <paramref name="types"/>; its stored progress and every file's lines, sorted.</summary>
    private async Task<(ExportProgress Progress, Dictionary<string, string[]> Contents)> ExportAsync(IReadOnlyList<string> types, int parallelism)
    {
        var job = await _store.CreateAsync(JobKinds.Export, Request(types), JobStatus.Running, CancellationToken.None);

        Assert.True(await Exporter(parallelism).RunAsync(job, _store, CancellationToken.None));

        return ((await _store.GetAsync(job.Id, CancellationToken.None))!.ProgressAs<ExportProgress>()!, await ContentsAsync(job.Id));
    }

    /// <summary>
    /// Resumes an export job with <paramref name="progress"/>, its folder holding a marker file for the
    /// <paramref name="finished"/> type and a partial one for the <paramref name="unfinished"/> type, as a
    /// stopped run leaves them: the marker must stay, the partial file must be rewritten.
    /// </summary>
    private async Task<(ExportProgress Progress, Dictionary<string, string[]> Contents)> ResumeAsync(JsonElement progress, string finished, string unfinished)
    {
        var types = progress.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
        var job = await _store.CreateAsync(JobKinds.Export, Request(types), JobStatus.Running, CancellationToken.None);
        var folder = Directory.CreateDirectory(new ExportOptions().JobFolder(_root.FullName, job.Id));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, BulkExporter.FileName(finished)), Marker + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, BulkExporter.FileName(unfinished)), Marker + "\n" + Marker + "\n" + Marker + "\n" + Marker + "\n");

        Assert.True(await Exporter(parallelism: 2).RunAsync(job with { Progress = progress }, _store, CancellationToken.None));

        var contents = await ContentsAsync(job.Id);
        Assert.Equal([Marker], contents[finished]);
        Assert.DoesNotContain(Marker, contents[unfinished]);
        Assert.All(contents[unfinished], line => Assert.Equal(unfinished, JsonDocument.Parse(line).RootElement.GetProperty("resourceType").GetString()));
        return ((await _store.GetAsync(job.Id, CancellationToken.None))!.ProgressAs<ExportProgress>()!, contents);
    }

    private async Task<Dictionary<string, string[]>> ContentsAsync(Guid jobId)
    {
        var contents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(new ExportOptions().JobFolder(_root.FullName, jobId)).GetFiles())
        {
            contents[Path.GetFileNameWithoutExtension(file.Name)] = [.. (await File.ReadAllLinesAsync(file.FullName)).Order(StringComparer.Ordinal)];
        }

        return contents;
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
