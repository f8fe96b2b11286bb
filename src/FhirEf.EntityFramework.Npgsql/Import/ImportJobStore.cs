using System.Runtime.CompilerServices;
using FhirEf.Core.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// Import jobs in <c>"_ImportJobs"</c>, their inputs' progress in <c>"_ImportJobInputs"</c> and the
/// resources they could not store in <c>"_ImportJobErrors"</c> (created by the ImportJobs migration).
/// <see cref="RecordBatchAsync"/> runs inside the batch's transaction, so progress and rows commit together.
/// </summary>
internal static class ImportJobStore
{
    public static async Task CreateAsync(
        NpgsqlConnection connection, string projectId, string id, IReadOnlyList<ImportInput> inputs, ImportIndexing indexing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand(
            "INSERT INTO \"_ImportJobs\" (\"projectId\", id, status, \"createdAt\", \"updatedAt\", indexing) VALUES ($1, $2, $3, $4, $4, $5)",
            projectId, id, Status(ImportJobStatus.Queued), now, Indexing(indexing)));
        for (var i = 0; i < inputs.Count; i++)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO \"_ImportJobInputs\" (\"projectId\", \"jobId\", ordinal, url, \"resourceType\") VALUES ($1, $2, $3, $4, $5)",
                projectId, id, i, inputs[i].Url, inputs[i].ResourceType));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<ImportJob?> GetAsync(NpgsqlConnection connection, string projectId, string id, CancellationToken cancellationToken)
    {
        var inputs = new List<ImportInputProgress>();
        await using (var command = Command(
            "SELECT url, \"resourceType\", position, done, resources, errors FROM \"_ImportJobInputs\" WHERE \"projectId\" = $1 AND \"jobId\" = $2 ORDER BY ordinal",
            projectId, id))
        {
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inputs.Add(new ImportInputProgress(
                    new ImportInput(reader.GetString(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetString(1)),
                    reader.GetInt64(2), reader.GetBoolean(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }

        await using (var command = Command(
            "SELECT status, \"createdAt\", \"updatedAt\", message, indexing, \"reindexJobId\" FROM \"_ImportJobs\" WHERE \"projectId\" = $1 AND id = $2", projectId, id))
        {
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new ImportJob(
                id,
                Enum.Parse<ImportJobStatus>(reader.GetString(0), ignoreCase: true),
                inputs,
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3))
            {
                Indexing = Enum.Parse<ImportIndexing>(reader.GetString(4), ignoreCase: true),
                ReindexJobId = await reader.IsDBNullAsync(5, cancellationToken) ? null : reader.GetGuid(5),
            };
        }
    }

    /// <summary>
    /// Jobs not finished, oldest first, of every tenant: queued ones and those a crash interrupted. CLI
    /// jobs (ids <c>cli-…</c>) read their user's files and are resumed by rerunning the CLI, not here.
    /// </summary>
    public static async Task<List<(string ProjectId, string Id)>> UnfinishedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT \"projectId\", id FROM \"_ImportJobs\" WHERE status IN ($1, $2) AND id NOT LIKE 'cli-%' ORDER BY \"createdAt\", id",
            Status(ImportJobStatus.Queued), Status(ImportJobStatus.Running));
        command.Connection = connection;
        var jobs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return jobs;
    }

    /// <summary>Moves the job to <paramref name="status"/>, unless it was cancelled: a cancelled job stays cancelled.</summary>
    public static async Task SetStatusAsync(
        NpgsqlConnection connection, string projectId, string id, ImportJobStatus status, string? message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "UPDATE \"_ImportJobs\" SET status = $3, message = $4, \"updatedAt\" = $5 WHERE \"projectId\" = $1 AND id = $2 AND status <> $6",
            projectId, id, Status(status), message, now, Status(ImportJobStatus.Cancelled));
        command.Connection = connection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records the reindex job a completed <see cref="ImportIndexing.Later"/> import queued (inside the completing transaction).</summary>
    public static async Task SetReindexJobAsync(NpgsqlConnection connection, string projectId, string id, Guid reindexJobId, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE \"_ImportJobs\" SET \"reindexJobId\" = $3 WHERE \"projectId\" = $1 AND id = $2", projectId, id, reindexJobId);
        command.Connection = connection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Marks a queued or running job cancelled; false when there is no such job (a finished one is left alone).</summary>
    public static async Task<bool> CancelAsync(NpgsqlConnection connection, string projectId, string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "WITH job AS (SELECT id FROM \"_ImportJobs\" WHERE \"projectId\" = $1 AND id = $2), " +
            "cancelled AS (UPDATE \"_ImportJobs\" SET status = $3, \"updatedAt\" = $4 WHERE \"projectId\" = $1 AND id = $2 AND status IN ($5, $6)) " +
            "SELECT count(*) FROM job",
            projectId, id, Status(ImportJobStatus.Cancelled), now, Status(ImportJobStatus.Queued), Status(ImportJobStatus.Running));
        command.Connection = connection;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    /// <summary>
    /// Locks the job's row inside a batch's transaction and says whether it is still running: a DELETE that
    /// cancels it waits for the batch, and a batch that finds it cancelled rolls back.
    /// </summary>
    public static async Task<bool> LockRunningAsync(NpgsqlConnection connection, string projectId, string id, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT status FROM \"_ImportJobs\" WHERE \"projectId\" = $1 AND id = $2 FOR UPDATE", projectId, id);
        command.Connection = connection;
        return await command.ExecuteScalarAsync(cancellationToken) is string status && status == Status(ImportJobStatus.Running);
    }

    /// <summary>Moves an input to <paramref name="position"/> and records the batch's counts and errors (inside the batch's transaction).</summary>
    public static async Task RecordBatchAsync(
        NpgsqlConnection connection,
        string projectId,
        string id,
        int ordinal,
        long position,
        bool done,
        long resources,
        IReadOnlyList<(long Position, string Message)> errors,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand(
            "UPDATE \"_ImportJobInputs\" SET position = $4, done = $5, resources = resources + $6, errors = errors + $7 " +
            "WHERE \"projectId\" = $1 AND \"jobId\" = $2 AND ordinal = $3",
            projectId, id, ordinal, position, done, resources, (long)errors.Count));
        batch.BatchCommands.Add(BatchCommand("UPDATE \"_ImportJobs\" SET \"updatedAt\" = $3 WHERE \"projectId\" = $1 AND id = $2", projectId, id, now));
        if (errors.Count > 0)
        {
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO \"_ImportJobErrors\" (\"projectId\", \"jobId\", ordinal, position, message) SELECT $1, $2, $3, * FROM unnest($4::bigint[], $5::text[])");
            insert.Parameters.Add(new NpgsqlParameter { Value = projectId });
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = ordinal });
            insert.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.Position).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.Message).ToArray() });
            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async IAsyncEnumerable<ImportError> ErrorsAsync(
        NpgsqlConnection connection, string projectId, string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT i.url, e.position, e.message FROM \"_ImportJobErrors\" e JOIN \"_ImportJobInputs\" i " +
            "ON i.\"projectId\" = e.\"projectId\" AND i.\"jobId\" = e.\"jobId\" AND i.ordinal = e.ordinal " +
            "WHERE e.\"projectId\" = $1 AND e.\"jobId\" = $2 ORDER BY e.ordinal, e.position",
            projectId, id);
        command.Connection = connection;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ImportError(reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
        }
    }

    /// <summary>Removes a job with its inputs and errors (a finished CLI import run again starts afresh).</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, string projectId, string id, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand("DELETE FROM \"_ImportJobErrors\" WHERE \"projectId\" = $1 AND \"jobId\" = $2", projectId, id));
        batch.BatchCommands.Add(BatchCommand("DELETE FROM \"_ImportJobInputs\" WHERE \"projectId\" = $1 AND \"jobId\" = $2", projectId, id));
        batch.BatchCommands.Add(BatchCommand("DELETE FROM \"_ImportJobs\" WHERE \"projectId\" = $1 AND id = $2", projectId, id));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the job's session-level advisory lock on <paramref name="connection"/>: one runner per job
    /// across processes; PostgreSQL drops it with the connection when its holder dies.
    /// </summary>
    public static async Task<bool> TryLockAsync(NpgsqlConnection connection, string projectId, string id, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT pg_try_advisory_lock(hashtext($1))", LockKey(projectId, id));
        command.Connection = connection;
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task UnlockAsync(NpgsqlConnection connection, string projectId, string id)
    {
        await using var command = Command("SELECT pg_advisory_unlock(hashtext($1))", LockKey(projectId, id));
        command.Connection = connection;
        await command.ExecuteScalarAsync(CancellationToken.None);
    }

    private static string LockKey(string projectId, string id) => "fhiref-import:" + projectId + "/" + id;

    private static string Status(ImportJobStatus status) => status.ToString().ToLowerInvariant();

    private static string Indexing(ImportIndexing indexing) => indexing.ToString().ToLowerInvariant();

    private static NpgsqlCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = DBNull.Value },
        DateTimeOffset instant => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = instant.UtcDateTime },
        _ => new NpgsqlParameter { Value = value },
    };
}
