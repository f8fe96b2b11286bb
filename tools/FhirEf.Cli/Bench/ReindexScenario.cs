using System.Diagnostics;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.Core.Schema;

namespace FhirEf.Cli.Bench;

/// <summary>
/// Reindex of a tenant whose rows are all made stale (<c>__version = 0</c>): the <c>Reindexer</c> (parse, index,
/// rewrite search columns, references and lookup rows, in keyset batches) next to a raw <c>UPDATE</c> that rewrites
/// the same rows without computing anything.
/// </summary>
internal static class ReindexScenario
{
    public static async Task<BenchMeasure> RunAsync(CliStorage storage, string projectId, CancellationToken cancellationToken)
    {
        var types = await BenchSql.TypesAsync(storage.DataSource, projectId, cancellationToken);
        await MakeStaleAsync(storage, projectId, types, cancellationToken);
        var request = new ReindexRequest(projectId, null, null);
        var clock = Stopwatch.StartNew();
        var progress = await storage.Reindexer.PlanAsync(request, cancellationToken);
        progress = await storage.Reindexer.RunAsync(request, progress, (_, _) => Task.FromResult(true), cancellationToken);
        var fhirEf = clock.Elapsed;

        await MakeStaleAsync(storage, projectId, types, cancellationToken);
        var version = storage.Indexer.Version;
        clock.Restart();
        long updated = 0;
        foreach (var type in types)
        {
            updated += await BenchSql.ExecuteAsync(storage.DataSource,
                $"UPDATE {Q(type)} SET {Q(FixedColumns.IndexerVersion)} = {version}, {Q(FixedColumns.Content)} = {Q(FixedColumns.Content)} " +
                $"WHERE {Q(FixedColumns.ProjectId)} = $1 AND NOT {Q(FixedColumns.Deleted)}", projectId, cancellationToken);
        }

        if (updated != progress.Processed)
        {
            throw new InvalidOperationException($"The reindexer rewrote {progress.Processed} resources, the raw UPDATE {updated}: they must be the same rows.");
        }

        return new BenchMeasure("reindex", updated, fhirEf, clock.Elapsed, "Reindexer, batches of 500", "UPDATE of the same rows, nothing computed");
    }

    private static async Task MakeStaleAsync(CliStorage storage, string projectId, List<string> types, CancellationToken cancellationToken)
    {
        foreach (var type in types)
        {
            await BenchSql.ExecuteAsync(storage.DataSource, $"UPDATE {Q(type)} SET {Q(FixedColumns.IndexerVersion)} = 0 WHERE {Q(FixedColumns.ProjectId)} = $1", projectId, cancellationToken);
        }

        await BenchSql.ExecuteAsync(storage.DataSource, "VACUUM ANALYZE", null, cancellationToken);
    }

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);
}
