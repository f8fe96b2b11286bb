using System.Data;
using FhirEf.Core.Indexing;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Storage.Rows;
using FhirEf.Core.Resources;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// Rewrites the search columns, references and lookup rows of live rows whose <c>__version</c> differs from
/// the indexer's, type by type, in batches by keyset over <c>"&lt;Type&gt;_reindex_idx"</c>
/// (<c>(__version, id) WHERE deleted = false</c>). Each batch is one short transaction that locks only its
/// rows (<c>SELECT … FOR UPDATE</c>), so writes to other rows go on; the content, version and history
/// are left as they are. A writer that updated a row meanwhile wrote it with the current indexer, and
/// PostgreSQL's re-check of the predicate after the lock drops it from the batch. The statistics of the
/// tables it rewrote a good part of are refreshed at the end (<see cref="TableStatistics"/>).
/// </summary>
public sealed class Reindexer(NpgsqlDataSource dataSource, FhirSchema schema, IResourceIndexer indexer, ResourceRowBuilder rows)
{
    private const int MaxAttempts = 5;

    /// <summary>The starting point of a new job: the types to walk and how many stale rows they hold.</summary>
    public async Task<ReindexProgress> PlanAsync(ReindexRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var types = request.ResourceType is null ? schema.ResourceTypes.ToList() : [request.ResourceType];
        long total = 0;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var type in types)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) FROM {SqlIdentifier.Quote(type)} WHERE {Filter(request)}", connection);
            AddFilterParameters(command.Parameters, request);
            total += (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return new ReindexProgress { Types = types, Total = total };
    }

    /// <summary>
    /// Reindexes from <paramref name="progress"/> on. After each batch <paramref name="report"/> gets the new
    /// progress (to store it) and returns false to stop; the progress returned is where a later run resumes.
    /// </summary>
    public async Task<ReindexProgress> RunAsync(
        ReindexRequest request,
        ReindexProgress progress,
        Func<ReindexProgress, CancellationToken, Task<bool>> report,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(report);
        var rewritten = new Dictionary<string, long>(StringComparer.Ordinal);
        while (progress.CurrentType is { } type)
        {
            var (count, last) = await BatchWithRetryAsync(request, type, progress, cancellationToken);
            rewritten[type] = rewritten.GetValueOrDefault(type) + count;

            progress = last is null || request.Id is not null
                ? progress with { TypeIndex = progress.TypeIndex + 1, AfterVersion = null, AfterId = null, AfterProjectId = null, Processed = progress.Processed + count }
                : progress with { AfterVersion = last.Value.Version, AfterId = last.Value.Id, AfterProjectId = last.Value.ProjectId, Processed = progress.Processed + count };
            if (!await report(progress, cancellationToken))
            {
                break;
            }
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await TableStatistics.RefreshAsync(connection, schema, rewritten, lookups: true, cancellationToken);
        }

        return progress;
    }

    private async Task<(int Count, (int Version, string Id, string ProjectId)? Last)> BatchWithRetryAsync(
        ReindexRequest request, string type, ReindexProgress progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await BatchAsync(request, type, progress, cancellationToken);
            }
            catch (PostgresException e) when (attempt < MaxAttempts && WriteRetry.IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    private async Task<(int Count, (int Version, string Id, string ProjectId)? Last)> BatchAsync(
        ReindexRequest request, string type, ReindexProgress progress, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var stale = await LockBatchAsync(connection, transaction, request, type, progress, cancellationToken);
        if (stale.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return (0, null);
        }

        // Indexing is the CPU-bound part: spread it over the cores; the writes go in one round trip.
        var rowSets = new ResourceRowSet[stale.Count];
        Parallel.For(0, stale.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = stale[i];
            rowSets[i] = rows.BuildIndexed(new StoredVersion(type, row.Id, row.VersionId, row.LastUpdated, Deleted: false, row.Content), row.ProjectId, "PUT");
        });

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var rowSet in rowSets)
            {
                ResourceRowWriter.Add(batch, rowSet, replace: true, withHistory: false);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var last = stale[^1];
        return (stale.Count, (last.IndexerVersion, last.Id, last.ProjectId));
    }

    private async Task<List<StaleRow>> LockBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReindexRequest request, string type, ReindexProgress progress, CancellationToken cancellationToken)
    {
        var filter = Filter(request);
        if (progress.AfterId is not null)
        {
            filter += $" AND ({Q(FixedColumns.IndexerVersion)}, {Q(FixedColumns.Id)}, {Q(FixedColumns.ProjectId)}) > ($4, $5, $6)";
        }

        await using var command = new NpgsqlCommand(
            $"SELECT {Q(FixedColumns.ProjectId)}, {Q(FixedColumns.Id)}, {Q(FixedColumns.VersionId)}, {Q(FixedColumns.LastUpdated)}, " +
            $"{Q(FixedColumns.Content)}, {Q(FixedColumns.IndexerVersion)} FROM {Q(type)} WHERE {filter} " +
            $"ORDER BY {Q(FixedColumns.IndexerVersion)}, {Q(FixedColumns.Id)}, {Q(FixedColumns.ProjectId)} LIMIT {Math.Clamp(request.BatchSize, 1, 10_000)} FOR UPDATE",
            connection,
            transaction);
        AddFilterParameters(command.Parameters, request);
        if (progress.AfterId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = progress.AfterVersion ?? 0 });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = progress.AfterId });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = progress.AfterProjectId ?? string.Empty });
        }

        var result = new List<StaleRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StaleRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4),
                reader.GetInt32(5)));
        }

        return result;
    }

    /// <summary>
    /// Live rows of the tenant ($2, or every tenant) that another indexer version wrote (not $1: versions are
    /// fingerprints of the definitions, not ordered; two ranges so the partial <c>(__version, id)</c> index serves
    /// them); an instance ($3) is taken whatever its version. Parameters $1..$3 are always bound (null when unused) so the text stays fixed.
    /// </summary>
    private static string Filter(ReindexRequest request) =>
        $"{Q(FixedColumns.Deleted)} = false" +
        (request.Id is null ? $" AND ({Q(FixedColumns.IndexerVersion)} < $1 OR {Q(FixedColumns.IndexerVersion)} > $1)" : " AND $1::integer IS NOT NULL") +
        $" AND ($2::text IS NULL OR {Q(FixedColumns.ProjectId)} = $2)" +
        $" AND ($3::text IS NULL OR {Q(FixedColumns.Id)} = $3)";

    private void AddFilterParameters(NpgsqlParameterCollection parameters, ReindexRequest request)
    {
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = indexer.Version });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)request.ProjectId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)request.Id ?? DBNull.Value });
    }

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);

    private sealed record StaleRow(string ProjectId, string Id, int VersionId, DateTimeOffset LastUpdated, string Content, int IndexerVersion);
}
