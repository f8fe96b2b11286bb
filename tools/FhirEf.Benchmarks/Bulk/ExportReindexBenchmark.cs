using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Configuration;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Benchmarks.Bulk;

/// <summary>
/// docs/benchmarks.md, "Export and reindex". Seeds a fresh tenant with Synthea resources written through the
/// repository, clones their main rows with SQL up to <c>--resources</c>, then measures in the same run:
/// export (<see cref="BulkExporter"/>, every type to NDJSON files) next to raw <c>COPY (SELECT content …) TO STDOUT</c>
/// into a file, and reindex (<see cref="Reindexer"/>, all rows made stale) next to a raw <c>UPDATE</c> of the
/// same rows. Prints one JSON line per measurement and the process's peak working set.
/// </summary>
internal static class ExportReindexBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        var target = int.Parse(options.GetValueOrDefault("resources", "200000"), CultureInfo.InvariantCulture);
        var root = FhirEfRoot.Find();
        var configuration = FhirEfConfiguration.Build(root);
        await using var endpoint = options.TryGetValue("connection", out var cs)
            ? new FhirDatabaseEndpoint(cs, new DatabaseOptions(), new EntityFramework.Npgsql.Embedded.EmbeddedPostgresOptions(), root)
            : FhirDatabaseEndpoint.FromConfiguration(configuration, root);
        await endpoint.StartAsync(default);
        await using (var context = new FhirDbContext(FhirDbContextOptionsFactory.Create(endpoint.ConnectionString)))
        {
            await context.Database.MigrateAsync();
        }

        var projectId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(_ => NpgsqlDataSource.Create(endpoint.ConnectionString));
        services.AddFhirEfStorage();
        services.AddScoped(_ => new TenantContext(projectId));
        services.AddSingleton<Reindexer>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BulkExporter>(sp, root));
        await using var provider = services.BuildServiceProvider();
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();

        var seeded = await SeedAsync(provider, Path.Combine(root, "..", "shared", "data", "synthea-r4-2019-transaction-bundles"));
        var total = await CloneAsync(dataSource, projectId, seeded, target);
        Report("seed", total, TimeSpan.Zero, $"{seeded} resources written through the repository, main rows cloned with SQL");
        await ExecuteAsync(dataSource, "VACUUM ANALYZE");

        var folder = Directory.CreateTempSubdirectory("fhiref-bench-export-");
        try
        {
            var exporter = provider.GetRequiredService<BulkExporter>();
            var request = new ExportRequest(projectId, ExportLevel.System, null, [], null, [], "bench");
            var types = await TypesAsync(dataSource, projectId);
            var clock = Stopwatch.StartNew();
            long exported = 0;
            foreach (var type in types)
            {
                exported += await exporter.WriteTypeAsync(request, type, Path.Combine(folder.FullName, type + ".ndjson"), null, _ => Task.FromResult(true), default);
            }

            Report("export: BulkExporter to NDJSON files", exported, clock.Elapsed, null);

            clock.Restart();
            long copied = 0;
            foreach (var type in types)
            {
                copied += await RawCopyAsync(dataSource, projectId, type, Path.Combine(folder.FullName, type + ".raw"));
            }

            Report("export: raw COPY (SELECT content ...) TO STDOUT to files", copied, clock.Elapsed, null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        var reindexer = provider.GetRequiredService<Reindexer>();
        var reindexRequest = new ReindexRequest(projectId, null, null);
        await MakeStaleAsync(dataSource, projectId);
        var watch = Stopwatch.StartNew();
        var progress = await reindexer.PlanAsync(reindexRequest, default);
        progress = await reindexer.RunAsync(reindexRequest, progress, (_, _) => Task.FromResult(true), default);
        Report("reindex: Reindexer, batches of 500", progress.Processed, watch.Elapsed, null);

        await MakeStaleAsync(dataSource, projectId);
        watch.Restart();
        long updated = 0;
        foreach (var type in await TypesAsync(dataSource, projectId))
        {
            updated += await ExecuteAsync(dataSource, $"UPDATE {SqlIdentifier.Quote(type)} SET {SqlIdentifier.Quote(FixedColumns.IndexerVersion)} = 1, " +
                $"{SqlIdentifier.Quote(FixedColumns.Content)} = {SqlIdentifier.Quote(FixedColumns.Content)} WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1", projectId);
        }

        Report("reindex: raw UPDATE of the same rows (no indexing)", updated, watch.Elapsed, null);
        Console.WriteLine(JsonSerializer.Serialize(new { measure = "memory", peakWorkingSetMB = Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20) }));
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider provider, string folder)
    {
        var written = 0;
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(5))
        {
            using var bundle = JsonDocument.Parse(await File.ReadAllBytesAsync(file));
            foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
            {
                await using var scope = provider.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IFhirRepository>().CreateAsync(entry.GetProperty("resource"), new WriteOptions(), default);
                written++;
            }
        }

        return written;
    }

    /// <summary>Copies every main row of the tenant under new ids until the tenant holds about <paramref name="target"/> rows.</summary>
    private static async Task<long> CloneAsync(NpgsqlDataSource dataSource, string projectId, int seeded, int target)
    {
        var copies = Math.Max(0, (target - seeded) / Math.Max(seeded, 1));
        foreach (var type in await TypesAsync(dataSource, projectId))
        {
            var columns = FhirSchema.R4.Resource(type).Main.Columns.Select(c => SqlIdentifier.Quote(c.Name)).ToList();
            var select = columns.Select(c => c == SqlIdentifier.Quote(FixedColumns.Id) ? $"'c' || g || '-' || left({c}, 50)" : c);
            await ExecuteAsync(dataSource,
                $"INSERT INTO {SqlIdentifier.Quote(type)} ({string.Join(", ", columns)}) SELECT {string.Join(", ", select)} " +
                $"FROM {SqlIdentifier.Quote(type)}, generate_series(1, {copies}) AS g WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1", projectId);
        }

        var counts = 0L;
        foreach (var type in await TypesAsync(dataSource, projectId))
        {
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {SqlIdentifier.Quote(type)} WHERE \"projectId\" = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
            counts += (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static async Task MakeStaleAsync(NpgsqlDataSource dataSource, string projectId)
    {
        foreach (var type in await TypesAsync(dataSource, projectId))
        {
            await ExecuteAsync(dataSource, $"UPDATE {SqlIdentifier.Quote(type)} SET __version = 0 WHERE \"projectId\" = $1", projectId);
        }

        await ExecuteAsync(dataSource, "VACUUM ANALYZE");
    }

    private static async Task<long> RawCopyAsync(NpgsqlDataSource dataSource, string projectId, string type, string path)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var file = new StreamWriter(path);
        // COPY takes no parameters; the tenant is a generated identifier ([a-z0-9-]), safe to inline. Text COPY
        // doubles backslashes, so the file is not valid NDJSON: it is the same reading and writing, done raw.
        using var copy = await connection.BeginTextExportAsync(
            $"COPY (SELECT content FROM {SqlIdentifier.Quote(type)} WHERE \"projectId\" = '{projectId}' AND NOT deleted) TO STDOUT");
        var buffer = new char[1 << 16];
        long lines = 0;
        int read;
        while ((read = await copy.ReadAsync(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count('\n');
            await file.WriteAsync(buffer.AsMemory(0, read));
        }

        return lines;
    }

    private static async Task<List<string>> TypesAsync(NpgsqlDataSource dataSource, string projectId)
    {
        var types = new List<string>();
        foreach (var resource in FhirSchema.R4.Resources)
        {
            await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {SqlIdentifier.Quote(resource.Main.Name)} WHERE \"projectId\" = $1)");
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                types.Add(resource.ResourceType);
            }
        }

        return types;
    }

    private static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, string? projectId = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        if (projectId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static void Report(string measure, long resources, TimeSpan elapsed, string? note) =>
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            measure,
            resources,
            seconds = Math.Round(elapsed.TotalSeconds, 2),
            perSecond = elapsed == TimeSpan.Zero ? 0 : Math.Round(resources / elapsed.TotalSeconds),
            note,
        }));
}
