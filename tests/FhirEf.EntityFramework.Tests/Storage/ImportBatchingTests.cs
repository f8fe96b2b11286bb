using FhirEf.Core.Abstractions;
using FhirEf.Core.Bulk;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Import;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>An import batch ends at its resource count or at its KiB of JSON, whichever comes first: memory follows size.</summary>
public sealed class ImportBatchingTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"fhiref-batching-{Guid.NewGuid():N}.ndjson");

    [Fact]
    public async Task Large_resources_end_a_batch_before_its_count_is_reached()
    {
        var text = new string('x', 1_500);
        await File.WriteAllLinesAsync(_file, Enumerable.Range(0, 10).Select(i =>
            $$"""{"resourceType":"Basic","id":"batching-{{Guid.NewGuid():N}}","code":{"text":"{{text}}-{{i}}"} }"""));
        var batches = new List<ImportProgress>();

        ImportJob? job;
        await using (var scope = _host.CreateScope())
        {
            var services = scope.ServiceProvider;
            var runner = new ImportRunner(
                services.GetRequiredService<FhirSession>(),
                services.GetRequiredService<IFhirBulkWriter>(),
                FhirSchema.R4,
                services.GetRequiredService<WriteRetry>(),
                TimeProvider.System,
                ImportSources.LocalFiles,
                batchSize: 1_000,
                batchKilobytes: 3);
            var id = "cli-batching-" + Guid.NewGuid().ToString("N")[..8];
            await runner.CreateAsync(id, [new ImportInput(_file)], ImportIndexing.Now, default);
            job = await runner.RunAsync(id, new Recorder(batches), default);
        }

        // Each record is ~1.6 KiB of JSON: two fill a 3-KiB batch, so ten make five batches, then the input's closing commit.
        Assert.Equal(10, job!.Resources);
        Assert.Equal([2L, 4, 6, 8, 10, 10], batches.Select(b => b.Resources));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        File.Delete(_file);
        await _host.DisposeAsync();
    }

    /// <summary>Records reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
