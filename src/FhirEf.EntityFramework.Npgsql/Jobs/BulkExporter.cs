using System.Data;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Search;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// Writes a Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html) as one NDJSON file per type
/// under the job's folder. Each type is one streamed query (<c>SELECT content … WHERE "projectId" = $1 AND
/// NOT deleted</c>, plus <c>_since</c> on <c>"lastUpdated"</c> and the level's compartment condition):
/// Npgsql hands rows over as they arrive and each row's bytes go straight to the file, so memory does not
/// grow with the export. A <c>_typeFilter</c> runs through <see cref="IFhirSearchService"/> page by page and
/// restricts that query to the ids each page returns. Types are written <see cref="ExportOptions.Parallelism"/>
/// at a time, each on a pooled connection of its own: one stream runs at the pace of the one backend that
/// decompresses its rows. Relative export folders are under <c>rootDirectory</c>.
/// </summary>
public sealed class BulkExporter(
    NpgsqlDataSource dataSource,
    FhirSchema schema,
    FhirDefinitions definitions,
    IServiceProvider services,
    string rootDirectory,
    IOptions<ExportOptions> options,
    TimeProvider time)
{
    private const int ProgressEvery = 50_000;
    private const string PatientType = "Patient";
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>How many types an export writes at the same time (<see cref="ExportOptions.Parallelism"/>).</summary>
    public int Parallelism => options.Value.Parallelism;

    /// <summary>The name of a type's file in an export's folder.</summary>
    public static string FileName(string type) => type + ".ndjson";

    /// <summary>
    /// Runs (or resumes) an export job; false when it was cancelled (its files are removed then). A resumed job
    /// writes only the types its progress does not list as finished.
    /// </summary>
    public async Task<bool> RunAsync(FhirJob job, NpgsqlJobStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(store);
        var request = job.RequestAs<ExportRequest>();
        var folder = options.Value.JobFolder(rootDirectory, job.Id);
        var progress = job.ProgressAs<ExportProgress>() ?? new ExportProgress { Types = Plan(request), TransactionTime = time.GetUtcNow() };
        Directory.CreateDirectory(folder);
        var members = request.Level == ExportLevel.Group ? await GroupMembersAsync(request, cancellationToken) : null;

        using var tracker = new ExportTracker(
            progress, async (current, token) => await store.SaveProgressAsync(job.Id, current, token) == JobStatus.Running);
        var finished = await WriteTypesAsync(
            request,
            tracker.Pending,
            folder,
            members,
            (type, written) => tracker.WrittenAsync(type, written, cancellationToken),
            file => tracker.FinishedAsync(file, cancellationToken),
            cancellationToken);
        if (!finished)
        {
            Directory.Delete(folder, recursive: true);
        }

        return finished;
    }

    /// <summary>
    /// Writes the files of <paramref name="types"/> into <paramref name="folder"/>, <see cref="Parallelism"/> at a
    /// time, each with <see cref="WriteTypeAsync"/>: the export job, <c>fhiref export</c> and the bench share it.
    /// <paramref name="progress"/> (type, rows so far) and <paramref name="finished"/> (the type's file; a count of
    /// 0 means no file was left) are called from the concurrent streams, so they must be thread-safe. When either
    /// answers false every stream stops (their partial files stay) and this returns false.
    /// </summary>
    public async Task<bool> WriteTypesAsync(
        ExportRequest request,
        IReadOnlyList<string> types,
        string folder,
        IReadOnlyList<string>? groupMembers,
        Func<string, long, Task<bool>> progress,
        Func<ExportFile, Task<bool>> finished,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(finished);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(await LargestFirstAsync(types, cancellationToken), parallel, async (type, token) =>
            {
                var name = FileName(type);
                var path = Path.Combine(folder, name);
                var count = await WriteTypeAsync(request, type, path, groupMembers, async written =>
                {
                    if (await progress(type, written))
                    {
                        return true;
                    }

                    await stop.CancelAsync();
                    return false;
                }, token);
                if (token.IsCancellationRequested)
                {
                    // Stopped part-way: the file is not finished.
                    return;
                }

                if (count == 0)
                {
                    File.Delete(path);
                }

                if (!await finished(new ExportFile(type, name, count)))
                {
                    await stop.CancelAsync();
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A callback asked to stop; the other streams' queries were cancelled with it.
        }

        return !stop.IsCancellationRequested;
    }

    /// <summary>Writes one type's file (replacing what a previous run left) and returns how many resources it holds.</summary>
    public async Task<long> WriteTypeAsync(
        ExportRequest request, string type, string path, IReadOnlyList<string>? groupMembers, Func<long, Task<bool>> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: false);
        var filters = request.TypeFilters.Where(f => f.Type == type).ToList();
        if (filters.Count == 0)
        {
            return await CopyAsync(request, type, groupMembers, ids: null, file, 0, progress, cancellationToken);
        }

        // Several filters of one type are alternatives: a resource matching two is written once.
        var seen = filters.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        long count = 0;
        foreach (var filter in filters)
        {
            await foreach (var ids in MatchingIdsAsync(request.ProjectId, filter, cancellationToken))
            {
                var fresh = seen is null ? ids : ids.Where(seen.Add).ToArray();
                count = await CopyAsync(request, type, groupMembers, fresh, file, count, progress, cancellationToken);
            }
        }

        return count;
    }

    /// <summary>The types an export walks: <c>_type</c>, or every stored type (system) or every type of the Patient compartment.</summary>
    public IReadOnlyList<string> Plan(ExportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IEnumerable<string> types = request.Types.Count > 0 ? request.Types : schema.ResourceTypes;
        if (request.Level != ExportLevel.System)
        {
            var patient = definitions.Compartments.TryGet(PatientType, out var compartment) ? compartment : null;
            types = types.Where(t => t == PatientType || patient?.ParametersByResource.ContainsKey(t) == true);
        }

        return [.. types.Where(t => schema.TryGetResource(t, out _)).Distinct(StringComparer.Ordinal)];
    }

    private async Task<long> CopyAsync(
        ExportRequest request,
        string type,
        IReadOnlyList<string>? groupMembers,
        string[]? ids,
        FileStream file,
        long count,
        Func<long, Task<bool>> progress,
        CancellationToken cancellationToken)
    {
        if (ids is { Length: 0 })
        {
            return count;
        }

        var table = schema.Resource(type).Main;
        var hasCompartments = table.Columns.Any(c => c.Name == FixedColumns.Compartments);
        var sql = $"SELECT {Q(FixedColumns.Content)} FROM {Q(type)} WHERE {Q(FixedColumns.ProjectId)} = $1 AND NOT {Q(FixedColumns.Deleted)}" +
            $" AND ($2::timestamptz IS NULL OR {Q(FixedColumns.LastUpdated)} > $2)" +
            $" AND ($3::text[] IS NULL OR {Q(FixedColumns.Id)} = ANY($3))";
        sql += (request.Level, type) switch
        {
            (ExportLevel.System, _) => string.Empty,
            (ExportLevel.Group, PatientType) => $" AND {Q(FixedColumns.Id)} = ANY($4)",
            (_, _) when !hasCompartments => " AND false",
            (ExportLevel.Group, _) => $" AND {Q(FixedColumns.Compartments)} && $5",
            (ExportLevel.Patient, _) => $" AND EXISTS (SELECT 1 FROM unnest({Q(FixedColumns.Compartments)}) AS c WHERE c LIKE 'Patient/%')",
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Level, null),
        };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = request.ProjectId },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = request.Since is { } since ? since.UtcDateTime : DBNull.Value },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = (object?)ids ?? DBNull.Value },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = groupMembers?.ToArray() ?? [] },
                new NpgsqlParameter
                {
                    NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
                    Value = groupMembers?.Select(m => PatientType + "/" + m).ToArray() ?? [],
                },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await using (var content = reader.GetStream(0))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            file.Write(NewLine);
            if (++count % ProgressEvery == 0 && !await progress(count))
            {
                break;
            }
        }

        return count;
    }

    /// <summary>
    /// The types in the order their streams start: largest table first (<c>pg_table_size</c>, TOAST included,
    /// where <c>content</c> lives), so the longest stream does not start last and run alone at the end. The
    /// bench's raw comparator starts its streams in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> LargestFirstAsync(IReadOnlyList<string> types, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count < 2 || Parallelism == 1)
        {
            return types;
        }

        await using var command = dataSource.CreateCommand("SELECT t, coalesce(pg_table_size(to_regclass(quote_ident(t))), 0) FROM unnest($1::text[]) AS t");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = types.ToArray() });
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return [.. types.OrderByDescending(t => sizes.GetValueOrDefault(t))];
    }

    /// <summary>The ids a <c>_typeFilter</c> search matches, a page at a time, in the export's tenant.</summary>
    private async IAsyncEnumerable<string[]> MatchingIdsAsync(
        string projectId, ExportTypeFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = new FhirSession(dataSource, services.GetRequiredService<IDbContextFactory<FhirDbContext>>(), new TenantContext(projectId));
        var search = ActivatorUtilities.CreateInstance<FhirSearchService>(services, (IFhirDbContextSource)session);
        IReadOnlyList<KeyValuePair<string, string>>? parameters =
            [.. filter.Parameters.Where(p => p.Key != "_count"), new("_count", "1000")];
        while (parameters is not null)
        {
            var page = await search.SearchAsync(new SearchRequest(filter.Type, parameters), cancellationToken);
            yield return [.. page.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id)];
            parameters = page.NextPage;
        }
    }

    /// <summary>The ids of the patients a Group lists as members (<c>Group.member.entity</c>).</summary>
    private async Task<IReadOnlyList<string>> GroupMembersAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Q(FixedColumns.Content)} FROM {Q("Group")} WHERE {Q(FixedColumns.ProjectId)} = $1 AND {Q(FixedColumns.Id)} = $2 AND NOT {Q(FixedColumns.Deleted)}");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = request.ProjectId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = request.GroupId ?? string.Empty });
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? [] : GroupMembers.PatientIds(json);
    }

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);
}
