using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Storage.Caching;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// Issue 5's read cache: a cold pass, then <c>rounds</c> timed passes of reads over the same resources through
/// <see cref="IFhirRepository.ReadAsync"/> with the cache on and off, the hit rate from
/// <see cref="ResourceCache"/>'s own counters, and raw Npgsql point reads of the same rows in the same run.
/// </summary>
internal static class CacheBenchmark
{
    public static async Task RunAsync(string connectionString, int count, int readers, int rounds)
    {
        var project = "bench-c-" + Guid.NewGuid().ToString("N")[..8];
        var resources = SyntheaResources.Take(count);
        var keys = new (string Type, string Id)[count];
        await using (var writer = new BenchStorage(connectionString, project))
        {
            await ParallelRun.RunAsync(count, readers, async i =>
            {
                var version = (await writer.WithRepositoryAsync(r => r.CreateAsync(resources[i], WriteOptions.None, default))).Version!;
                keys[i] = (version.ResourceType, version.Id);
            });
        }

        var results = new Dictionary<string, object>();
        foreach (var enabled in new[] { true, false })
        {
            await using var storage = new BenchStorage(connectionString, project, new Dictionary<string, string?> { ["Fhir:Storage:Cache:Enabled"] = enabled ? "true" : "false" });
            var cache = storage.Services.GetRequiredService<ResourceCache>();

            // The first pass reads every resource once (cold: misses); the timed rounds are the repeated reads.
            await ParallelRun.RunAsync(count, readers, i => storage.WithRepositoryAsync(r => r.ReadAsync(keys[i].Type, keys[i].Id, default)));
            var (coldHits, coldMisses) = (cache.Hits, cache.Misses);
            var (seconds, latencies) = await ParallelRun.RunAsync(count * rounds, readers, i =>
                storage.WithRepositoryAsync(r => r.ReadAsync(keys[i % count].Type, keys[i % count].Id, default)));
            var (hits, misses) = (cache.Hits - coldHits, cache.Misses - coldMisses);
            results[enabled ? "cacheOn" : "cacheOff"] = new
            {
                readsPerSecond = count * rounds / seconds,
                meanMs = latencies.Average(),
                p50Ms = ParallelRun.Percentile(latencies, 50),
                p95Ms = ParallelRun.Percentile(latencies, 95),
                coldPass = new { hits = coldHits, misses = coldMisses },
                hits,
                misses,
                hitRate = hits + misses == 0 ? 0 : (double)hits / (hits + misses),
                hitRateIncludingColdPass = cache.Hits + cache.Misses == 0 ? 0 : (double)cache.Hits / (cache.Hits + cache.Misses),
            };
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (rawSeconds, rawLatencies) = await ParallelRun.RunAsync(count * rounds, readers, async i =>
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT content, \"versionId\", \"lastUpdated\", deleted FROM \"{keys[i % count].Type}\" WHERE \"projectId\" = $1 AND id = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = project });
            command.Parameters.Add(new NpgsqlParameter { Value = keys[i % count].Id });
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            _ = reader.GetString(0);
        });
        results["rawNpgsql"] = new
        {
            readsPerSecond = count * rounds / rawSeconds,
            meanMs = rawLatencies.Average(),
            p50Ms = ParallelRun.Percentile(rawLatencies, 50),
            p95Ms = ParallelRun.Percentile(rawLatencies, 95),
        };

        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "cache", resources = count, rounds, readers, results }));
    }
}
