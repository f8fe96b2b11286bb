using System.Text.Json;
using FhirEf.Core.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// <see cref="IFhirJobStore"/> on the <c>"_Jobs"</c> table, with parameterized commands. Workers claim jobs
/// with <c>FOR UPDATE SKIP LOCKED</c>, so several server processes can share the table; a running job whose
/// <c>updated</c> is older than the stale interval (its worker died) can be claimed again and resumes from
/// its stored progress.
/// </summary>
public sealed class NpgsqlJobStore(NpgsqlDataSource dataSource, TimeProvider time) : IFhirJobStore
{
    private const string Columns = "id, kind, status, request, progress, created, updated, error";

    public Task<FhirJob> CreateAsync<T>(string kind, T request, CancellationToken cancellationToken) =>
        CreateAsync(kind, request, JobStatus.Queued, cancellationToken);

    /// <summary>A job created <see cref="JobStatus.Running"/> is its creator's to run (the CLI); a queued one is the worker's.</summary>
    public async Task<FhirJob> CreateAsync<T>(string kind, T request, JobStatus status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        return await InsertAsync(command, kind, request, status, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Queues a job on <paramref name="connection"/>, inside its transaction if it has one: the job exists exactly
    /// when what asked for it commits (a completed load-now-index-later import queues its reindex so).
    /// </summary>
    public static async Task<FhirJob> QueueAsync<T>(NpgsqlConnection connection, string kind, T request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        return await InsertAsync(command, kind, request, JobStatus.Queued, now, cancellationToken);
    }

    private static async Task<FhirJob> InsertAsync<T>(NpgsqlCommand command, string kind, T request, JobStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        command.CommandText = $"""INSERT INTO "_Jobs" (id, kind, status, request, created, updated) VALUES ($1, $2, $5, $3, $4, $4) RETURNING {Columns}""";
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = kind });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JobJson.Serialize(request) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = StatusName(status) });
        return (await ReadOneAsync(command, cancellationToken))!;
    }

    public async Task<FhirJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""SELECT {Columns} FROM "_Jobs" WHERE id = $1""");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """UPDATE "_Jobs" SET status = 'cancelled', updated = now() WHERE id = $1 AND status <> 'cancelled'""");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Takes the oldest queued job, or a running one nobody has touched for <paramref name="staleAfter"/>.</summary>
    public async Task<FhirJob?> ClaimAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE "_Jobs" SET status = 'running', updated = now()
            WHERE id = (
                SELECT id FROM "_Jobs"
                WHERE status = 'queued' OR (status = 'running' AND updated < now() - $1)
                ORDER BY created
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = staleAfter });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>
    /// Takes over one job to resume it (<c>fhiref reindex --resume</c>): queued, cancelled, or running but
    /// stale. Null when it does not exist, is finished, or another worker is running it.
    /// </summary>
    public async Task<FhirJob?> ResumeAsync(Guid id, string kind, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE "_Jobs" SET status = 'running', updated = now()
            WHERE id = $1 AND kind = $2 AND (status IN ('queued', 'cancelled') OR (status = 'running' AND updated < now() - $3))
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = kind });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = staleAfter });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Records progress (and that the worker is alive); returns the job's status, so a worker sees a cancellation.</summary>
    public async Task<JobStatus> SaveProgressAsync<T>(Guid id, T progress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""UPDATE "_Jobs" SET progress = $2, updated = now() WHERE id = $1 RETURNING status""");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JobJson.Serialize(progress) });
        var status = await command.ExecuteScalarAsync(cancellationToken) as string;
        return status is null ? JobStatus.Cancelled : ParseStatus(status);
    }

    /// <summary>Ends a running job (a cancelled one stays cancelled). <see cref="JobStatus.Cancelled"/> is how the CLI ends one on Ctrl-C.</summary>
    /// <summary>Hands a running job back to the queue, its progress kept (its worker's host is stopping).</summary>
    public async Task ReleaseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""UPDATE "_Jobs" SET status = 'queued', updated = now() WHERE id = $1 AND status = 'running'""");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishAsync(Guid id, JobStatus status, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """UPDATE "_Jobs" SET status = $2, error = $3, updated = now() WHERE id = $1 AND status = 'running'""");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = id });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar, Value = StatusName(status) });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)error ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string StatusName(JobStatus status) => status.ToString().ToLowerInvariant();

    private static JobStatus ParseStatus(string status) => Enum.Parse<JobStatus>(status, ignoreCase: true);

    private static async Task<FhirJob?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        using var request = JsonDocument.Parse(reader.GetString(3));
        JsonElement? progress = null;
        if (!await reader.IsDBNullAsync(4, cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetString(4));
            progress = document.RootElement.Clone();
        }

        return new FhirJob(
            reader.GetGuid(0),
            reader.GetString(1),
            ParseStatus(reader.GetString(2)),
            request.RootElement.Clone(),
            progress,
            reader.GetFieldValue<DateTimeOffset>(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            await reader.IsDBNullAsync(7, cancellationToken) ? null : reader.GetString(7));
    }
}
