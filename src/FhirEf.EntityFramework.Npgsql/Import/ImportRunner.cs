using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Bulk;
using FhirEf.Core.IO;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Npgsql.Storage;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// Runs an import job of the session's tenant from where it stopped: each input is streamed from its
/// recorded position, in batches; each batch's resources (through <see cref="IFhirBulkWriter"/>), its
/// refused records and the input's new position commit in one transaction. A crash or Ctrl-C therefore
/// loses at most the batch in flight, and a resumed run neither skips nor repeats a record. A job of
/// <see cref="ImportIndexing.Later"/> writes its batches unindexed and queues a reindex job when it completes.
/// </summary>
public sealed class ImportRunner
{
    private readonly FhirSession _session;
    private readonly IFhirBulkWriter _writer;
    private readonly FhirSchema _schema;
    private readonly WriteRetry _retry;
    private readonly TimeProvider _time;
    private readonly ImportSources _sources;
    private readonly int _batchSize;
    private readonly long _batchLength;

    /// <param name="batchSize">Resources per batch at most.</param>
    /// <param name="batchKilobytes">KiB of JSON text per batch at most (<see cref="ImportOptions.BatchKilobytes"/>).</param>
    public ImportRunner(
        FhirSession session,
        IFhirBulkWriter writer,
        FhirSchema schema,
        WriteRetry retry,
        TimeProvider time,
        ImportSources sources,
        int batchSize,
        int batchKilobytes = ImportOptions.DefaultBatchKilobytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchKilobytes, 1);
        _batchLength = batchKilobytes * 1024L;
        _session = session;
        _writer = writer;
        _schema = schema;
        _retry = retry;
        _time = time;
        _sources = sources;
        _batchSize = batchSize;
    }

    private string ProjectId => _session.Tenant.ProjectId;

    /// <summary>Creates a queued job of <paramref name="inputs"/> under <paramref name="id"/>.</summary>
    public async Task CreateAsync(string id, IReadOnlyList<ImportInput> inputs, ImportIndexing indexing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var connection = await _session.ConnectionAsync(cancellationToken);
        await ImportJobStore.CreateAsync(connection, ProjectId, id, inputs, indexing, _time.GetUtcNow(), cancellationToken);
    }

    public async Task<ImportJob?> GetAsync(string id, CancellationToken cancellationToken) =>
        await ImportJobStore.GetAsync(await _session.ConnectionAsync(cancellationToken), ProjectId, id, cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        await ImportJobStore.DeleteAsync(await _session.ConnectionAsync(cancellationToken), ProjectId, id, cancellationToken);

    /// <summary>
    /// Imports what is left of job <paramref name="id"/>; null when another process is running it.
    /// Cancellation leaves it running (resumable); an input that cannot be read marks it failed; a job cancelled
    /// through <see cref="ImportJobStore.CancelAsync"/> stops before its next batch commits.
    /// </summary>
    public async Task<ImportJob?> RunAsync(string id, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var connection = await _session.ConnectionAsync(cancellationToken);
        if (!await ImportJobStore.TryLockAsync(connection, ProjectId, id, cancellationToken))
        {
            return null;
        }

        try
        {
            return await RunLockedAsync(id, progress, cancellationToken);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ImportJobStore.UnlockAsync(connection, ProjectId, id);
            }
        }
    }

    private async Task<ImportJob> RunLockedAsync(string id, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var connection = await _session.ConnectionAsync(cancellationToken);
        var job = await ImportJobStore.GetAsync(connection, ProjectId, id, cancellationToken)
            ?? throw new InvalidOperationException($"There is no import job '{id}'.");
        if (job.Finished)
        {
            return job;
        }

        await ImportJobStore.SetStatusAsync(connection, ProjectId, id, ImportJobStatus.Running, null, _time.GetUtcNow(), cancellationToken);
        var totals = new Totals();
        var options = new BulkWriteOptions { IndexLater = job.Indexing == ImportIndexing.Later };
        try
        {
            for (var ordinal = 0; ordinal < job.Inputs.Count; ordinal++)
            {
                if (!job.Inputs[ordinal].Done)
                {
                    await ImportInputAsync(ordinal, job.Inputs[ordinal], totals, progress, cancellationToken);
                }
            }
        }
        catch (JobCancelledException)
        {
            return (await GetAsync(id, CancellationToken.None))!;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or Core.Errors.InvalidRequestException)
        {
            await ImportJobStore.SetStatusAsync(connection, ProjectId, id, ImportJobStatus.Failed, e.Message, _time.GetUtcNow(), CancellationToken.None);
            return (await GetAsync(id, CancellationToken.None))!;
        }

        await CompleteAsync(job, cancellationToken);
        await TableStatistics.RefreshAsync(connection, _schema, totals.Types, lookups: job.Indexing == ImportIndexing.Now, cancellationToken);
        return (await GetAsync(id, cancellationToken))!;

        async Task ImportInputAsync(int ordinal, ImportInputProgress input, Totals totals, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
        {
            await using var stream = new CountingReadStream(await _sources.OpenAsync(input.Input, cancellationToken));
            var bytesBefore = totals.Bytes;
            var position = input.Position;
            var batch = new List<ImportRecord>(_batchSize);
            long length = 0;
            await foreach (var record in ImportRecordReader.ReadAsync(stream, input.Input.Url, input.Position, cancellationToken))
            {
                batch.Add(record);
                length += record.Length;
                if (batch.Count == _batchSize || length >= _batchLength)
                {
                    position = await CommitAsync(id, ordinal, input.Input, batch, position, done: false, options, totals, cancellationToken);
                    batch.Clear();
                    length = 0;
                    totals.Bytes = bytesBefore + stream.BytesRead;
                    progress?.Report(totals.Snapshot);
                }
            }

            await CommitAsync(id, ordinal, input.Input, batch, position, done: true, options, totals, cancellationToken);
            totals.Bytes = bytesBefore + stream.BytesRead;
            progress?.Report(totals.Snapshot);
        }
    }

    private async Task<long> CommitAsync(
        string id, int ordinal, ImportInput input, List<ImportRecord> records, long position, bool done, BulkWriteOptions options, Totals totals, CancellationToken cancellationToken)
    {
        var errors = new List<(long Position, string Message)>();
        var resources = new List<JsonElement>(records.Count);
        var positions = new List<long>(records.Count);
        foreach (var record in records)
        {
            if (record.Error is not null)
            {
                errors.Add((record.Position, record.Error));
            }
            else if (input.ResourceType is { } declared && TypeOf(record.Resource) is var actual && actual != declared)
            {
                errors.Add((record.Position, $"The input declares type {declared}, but record {record.Position} is a {actual ?? "resource without resourceType"}."));
            }
            else
            {
                resources.Add(record.Resource);
                positions.Add(record.Position);
            }
        }

        var last = records.Count > 0 ? records[^1].Position : position;
        var stored = await _retry.ExecuteAsync(
            async token =>
            {
                var batchErrors = new List<(long Position, string Message)>(errors);
                await using var transaction = await _session.BeginAsync(token);
                if (!await ImportJobStore.LockRunningAsync(await _session.ConnectionAsync(token), ProjectId, id, token))
                {
                    throw new JobCancelledException();
                }

                var written = 0;
                var types = new Dictionary<string, long>(StringComparer.Ordinal);
                if (resources.Count > 0)
                {
                    var result = await _writer.WriteAsync(resources, options, token);
                    foreach (var item in result.Items)
                    {
                        if (item.Error is { } error)
                        {
                            batchErrors.Add((positions[item.Index], error));
                        }
                        else
                        {
                            written++;
                            types[item.ResourceType!] = types.GetValueOrDefault(item.ResourceType!) + 1;
                        }
                    }
                }

                batchErrors.Sort((a, b) => a.Position.CompareTo(b.Position));
                var connection = await _session.ConnectionAsync(token);
                await ImportJobStore.RecordBatchAsync(connection, ProjectId, id, ordinal, last, done, written, batchErrors, _time.GetUtcNow(), token);
                await transaction.CommitAsync(token);
                return (Written: written, Errors: batchErrors.Count, Types: types);
            },
            cancellationToken);
        totals.Resources += stored.Written;
        totals.Errors += stored.Errors;
        foreach (var (type, count) in stored.Types)
        {
            totals.Types[type] = totals.Types.GetValueOrDefault(type) + count;
        }
        return last;
    }

    /// <summary>
    /// Marks the job completed; a load-now-index-later job queues, in the same transaction, the reindex job of
    /// its tenant that makes its resources searchable (it rewrites only stale rows, so whatever else is stale in
    /// the tenant is indexed too).
    /// </summary>
    private async Task CompleteAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var transaction = await _session.BeginAsync(cancellationToken);
        var connection = await _session.ConnectionAsync(cancellationToken);
        var now = _time.GetUtcNow();
        if (job.Indexing == ImportIndexing.Later && job.ReindexJobId is null)
        {
            var reindex = await NpgsqlJobStore.QueueAsync(connection, JobKinds.Reindex, new ReindexRequest(ProjectId, null, null), now, cancellationToken);
            await ImportJobStore.SetReindexJobAsync(connection, ProjectId, job.Id, reindex.Id, cancellationToken);
        }

        await ImportJobStore.SetStatusAsync(connection, ProjectId, job.Id, ImportJobStatus.Completed, null, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? TypeOf(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    /// <summary>The job was cancelled (DELETE of its status URL) before this batch: it writes nothing.</summary>
    private sealed class JobCancelledException : Exception;

    private sealed class Totals
    {
        public long Resources { get; set; }

        public long Errors { get; set; }

        public long Bytes { get; set; }

        /// <summary>Resources this run wrote per type: their tables' statistics are refreshed when the job completes.</summary>
        public Dictionary<string, long> Types { get; } = new(StringComparer.Ordinal);

        public ImportProgress Snapshot => new(Resources, Errors, Bytes);
    }
}
