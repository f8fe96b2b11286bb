using System.Diagnostics;
using System.Text.Json;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Indexing;
using FhirEf.Core.Versioning;
using FhirEf.EntityFramework.Npgsql.Storage.Bulk;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Generate;

/// <summary>
/// One generation (<c>fhiref generate</c>, and the import scenario of <c>fhiref bench</c>): the bulk writer's
/// timings and, when compared, those of raw binary COPY of the very same rows into the tenant "&lt;project&gt;-raw".
/// With <paramref name="indexLater"/> both sides write the rows of load-now-index-later (no search columns,
/// references or lookups; <see cref="BulkWriteOptions.IndexLater"/>).
/// </summary>
internal sealed class GenerationRun(CliStorage storage, string tenant, bool compare, int batchSize, bool indexLater = false)
{
    private readonly Stopwatch _bulk = new();
    private readonly Stopwatch _raw = new();
    private readonly Stopwatch _wall = new();
    private long _allocated;
    private int _batches;

    public long Written { get; private set; }

    /// <summary>Time inside the bulk writer (stamping, indexing, row building, COPY, commit).</summary>
    public TimeSpan BulkElapsed => _bulk.Elapsed;

    /// <summary>Time of raw COPY and commit of the same rows (zero unless compared).</summary>
    public TimeSpan RawElapsed => _raw.Elapsed;

    public double AllocatedMebibytesPerBatch => _allocated / Math.Max(_batches, 1) / 1024.0 / 1024.0;

    public async Task ExecuteAsync(SyntheaCloner cloner, int count, CancellationToken cancellationToken)
    {
        _wall.Start();
        using var resources = cloner.Resources().Take(count).GetEnumerator();
        var batch = new List<JsonElement>(batchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < batchSize && resources.MoveNext())
            {
                batch.Add(resources.Current);
            }

            if (batch.Count == 0)
            {
                break;
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            _bulk.Start();
            await using (var scope = storage.CreateScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<IFhirBulkWriter>().WriteAsync(batch, new BulkWriteOptions { AllNew = true, IndexLater = indexLater }, cancellationToken);
                Written += result.Created;
            }

            _bulk.Stop();
            _allocated += GC.GetTotalAllocatedBytes(precise: false) - allocated;
            _batches++;
            if (compare)
            {
                await CopyRawAsync(batch, cancellationToken);
            }
        }

        _wall.Stop();
    }

    public void Report(TextWriter output, string folder)
    {
        var bulkRate = Written / Math.Max(_bulk.Elapsed.TotalSeconds, 0.001);
        output.WriteLine($"Generated {Written} resources from {folder} into project '{tenant}' in {_wall.Elapsed.TotalSeconds:F1} s (wall, cloning included).");
        output.WriteLine($"bulk writer: {bulkRate:F0} resources/s ({_bulk.Elapsed.TotalSeconds:F1} s, batches of {batchSize}: stamping, parallel indexing, row building, COPY, commit)");
        if (compare)
        {
            var rawRate = Written / Math.Max(_raw.Elapsed.TotalSeconds, 0.001);
            output.WriteLine($"raw COPY:    {rawRate:F0} resources/s ({_raw.Elapsed.TotalSeconds:F1} s, the same rows pre-built, COPY and commit only)");
            output.WriteLine($"bulk / raw:  {bulkRate / rawRate:P0}");
        }

        output.WriteLine($"allocated per batch: {AllocatedMebibytesPerBatch:F0} MiB; peak RSS of this process: {PeakMemory.MebibytesOf():F0} MiB");
    }

    /// <summary>The same resources as rows of tenant "&lt;project&gt;-raw" (built untimed), then COPY and commit, timed.</summary>
    private async Task CopyRawAsync(List<JsonElement> batch, CancellationToken cancellationToken)
    {
        var builder = storage.Services.GetRequiredService<ResourceRowBuilder>();
        var now = VersionStamp.Truncate(DateTimeOffset.UtcNow);
        var rows = new ResourceRowSet[batch.Count];
        Parallel.For(0, batch.Count, i =>
        {
            var resource = batch[i];
            var id = resource.GetProperty("id").GetString()!;
            var json = VersionStamp.Apply(resource, id, 1, now);
            var version = new StoredVersion(resource.GetProperty("resourceType").GetString()!, id, 1, now, Deleted: false, json);
            rows[i] = indexLater ? builder.Build(version, tenant + "-raw", indexed: null, "PUT") : builder.BuildIndexed(version, tenant + "-raw", "PUT");
        });

        await using var connection = await storage.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        _raw.Start();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await RawRowCopy.CopyAsync(connection, rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        _raw.Stop();
    }
}
