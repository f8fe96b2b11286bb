using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FhirEf.Cli.Generate;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Configuration;
using FhirEf.Core.Indexing;
using FhirEf.Core.Versioning;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Npgsql.Storage.Bulk;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref generate --resources N</c>: a large realistic database from the Synthea bundles (by default
/// <c>../shared/data/synthea-r4-2019-transaction-bundles</c>, else <c>tests/data/synthea</c>), cloned with
/// fresh ids and shifted dates (<see cref="SyntheaCloner"/>) and written through the bulk writer.
/// <c>--compare-raw-copy</c> also copies the very same rows with plain binary COPY into a second tenant,
/// batch by batch in the same run, and prints both rates: the "Bulk import" benchmark of docs/benchmarks.md.
/// </summary>
internal static class GenerateCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var resources = new Option<int>("--resources") { Description = "How many resources to write.", Required = true };
        var source = new Option<string?>("--source") { Description = "A folder of Synthea transaction bundles (*.json)." };
        var project = new Option<string>("--project") { Description = "The tenant (project) to write into.", DefaultValueFactory = _ => TenantContext.DefaultProjectId };
        var batchSize = new Option<int>("--batch-size") { Description = "Resources per transaction.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of ids and date shifts.", DefaultValueFactory = _ => Environment.TickCount };
        var compare = new Option<bool>("--compare-raw-copy") { Description = "Also COPY the same rows raw into the tenant '<project>-raw' and print both rates." };
        var command = new Command("generate", "Generate a large database by cloning Synthea patients (fresh ids, shifted dates), written with the bulk writer.")
        {
            resources, source, project, batchSize, seed, compare,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var folder = parseResult.GetValue(source) ?? DefaultSource();
            var cloner = SyntheaCloner.FromFolder(folder, parseResult.GetValue(seed));
            await using var database = await openDatabase(cancellationToken);
            var tenant = parseResult.GetRequiredValue(project);
            await using var storage = CliStorage.Create(database, tenant);
            var run = new Run(storage, tenant, parseResult.GetValue(compare), parseResult.GetValue(batchSize));
            try
            {
                await run.ExecuteAsync(cloner, parseResult.GetRequiredValue(resources), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"Stopped after {run.Written} resources (every committed batch is kept).");
                return ImportCommand.Stopped;
            }

            run.Report(output, folder);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string DefaultSource()
    {
        var root = FhirEfRoot.Find();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "synthea-r4-2019-transaction-bundles"));
        return Directory.Exists(shared) ? shared : Path.Combine(root, "tests", "data", "synthea");
    }

    /// <summary>One generation: timings of the bulk writer and, when compared, of raw COPY of the same rows.</summary>
    private sealed class Run(CliStorage storage, string tenant, bool compare, int batchSize)
    {
        private readonly Stopwatch _bulk = new();
        private readonly Stopwatch _raw = new();
        private readonly Stopwatch _wall = new();
        private long _allocated;
        private int _batches;

        public long Written { get; private set; }

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
                    var result = await scope.ServiceProvider.GetRequiredService<IFhirBulkWriter>().WriteAsync(batch, new BulkWriteOptions { AllNew = true }, cancellationToken);
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

            output.WriteLine($"allocated per batch: {_allocated / Math.Max(_batches, 1) / 1024.0 / 1024.0:F0} MiB; peak RSS of this process: {PeakMemory.MebibytesOf():F0} MiB");
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
                rows[i] = builder.BuildIndexed(version, tenant + "-raw", "PUT");
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
}
