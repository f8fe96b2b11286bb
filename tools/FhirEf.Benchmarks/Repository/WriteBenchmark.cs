using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Indexing;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// Issue 5's single-resource creates: <c>writers</c> concurrent writers creating Synthea resources one at a
/// time through <see cref="IFhirRepository"/>, next to <see cref="RawRowWriter"/> inserting the same rows
/// (same tables, same row count) with the rows built beforehand, in the same run.
/// </summary>
internal static class WriteBenchmark
{
    public static async Task RunAsync(string connectionString, int count, int writers)
    {
        var resources = SyntheaResources.Take(count);
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var storage = new BenchStorage(connectionString, "bench-w-" + run);

        // Warm-up (JIT, pools, plans) under a tenant of its own, not timed.
        await using (var warm = new BenchStorage(connectionString, "bench-warm-" + run))
        {
            await ParallelRun.RunAsync(Math.Min(200, count), writers, i => warm.WithRepositoryAsync(r => r.CreateAsync(resources[i], WriteOptions.None, default)));
        }

        var (fhirSeconds, fhirLatencies) = await ParallelRun.RunAsync(count, writers, i =>
            storage.WithRepositoryAsync(r => r.CreateAsync(resources[i], WriteOptions.None, default)));

        var builder = storage.Services.GetRequiredService<ResourceRowBuilder>();
        var rawProject = "bench-raw-" + run;
        var rows = resources.Select(resource =>
        {
            var node = JsonNode.Parse(resource.GetRawText())!.AsObject();
            var id = Guid.NewGuid().ToString();
            node["id"] = id;
            var stored = new StoredVersion(node["resourceType"]!.GetValue<string>(), id, 1, DateTimeOffset.UtcNow, false, node.ToJsonString());
            return builder.BuildIndexed(stored, rawProject, "POST");
        }).ToList();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (rawSeconds, rawLatencies) = await ParallelRun.RunAsync(count, writers, i => RawRowWriter.InsertAsync(dataSource, rows[i]));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "creates",
            resources = count,
            writers,
            rowsPerResource = rows.Average(r => 2 + r.References.Count + r.Lookups.Count),
            fhirefPerSecond = count / fhirSeconds,
            fhirefP50Ms = ParallelRun.Percentile(fhirLatencies, 50),
            fhirefP95Ms = ParallelRun.Percentile(fhirLatencies, 95),
            rawPerSecond = count / rawSeconds,
            rawP50Ms = ParallelRun.Percentile(rawLatencies, 50),
            rawP95Ms = ParallelRun.Percentile(rawLatencies, 95),
            ratio = rawSeconds / fhirSeconds,
        }));
    }
}
