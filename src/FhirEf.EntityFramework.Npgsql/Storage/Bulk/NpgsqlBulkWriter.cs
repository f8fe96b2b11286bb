using System.Runtime.ExceptionServices;
using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Resources;
using FhirEf.Core.Indexing;
using FhirEf.Core.Schema;
using FhirEf.Core.Versioning;
using FhirEf.EntityFramework.Storage;
using FhirEf.EntityFramework.Storage.Caching;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.Extensions.Options;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>
/// <see cref="IFhirBulkWriter"/> on PostgreSQL. One call is one transaction (or a savepoint of the
/// ambient unit of work), retried on transient conflicts like single writes. It locks the current rows
/// of the ids it was given (<c>FOR UPDATE</c>, one statement per type), derives versions exactly as
/// <see cref="NpgsqlFhirRepository"/> does (next integer, unchanged content writes nothing), stamps and
/// indexes the resources in parallel, and writes every table with binary COPY (<see cref="BulkRowWriter"/>);
/// with <see cref="BulkWriteOptions.IndexLater"/> it skips the indexing and leaves the rows to the reindexer.
/// An id given twice is written twice, in input order, as two successive versions.
/// </summary>
public sealed class NpgsqlBulkWriter : IFhirBulkWriter
{
    private readonly FhirSession _session;
    private readonly FhirDefinitions _definitions;
    private readonly FhirSchema _schema;
    private readonly ResourceRowBuilder _rows;
    private readonly ResourceCache _cache;
    private readonly WriteRetry _retry;
    private readonly TimeProvider _time;
    private readonly StorageOptions _options;

    public NpgsqlBulkWriter(
        FhirSession session,
        FhirDefinitions definitions,
        FhirSchema schema,
        ResourceRowBuilder rows,
        ResourceCache cache,
        WriteRetry retry,
        TimeProvider time,
        IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _session = session;
        _definitions = definitions;
        _schema = schema;
        _rows = rows;
        _cache = cache;
        _retry = retry;
        _time = time;
        _options = options.Value;
    }

    public async Task<BulkWriteResult> WriteAsync(IReadOnlyList<JsonElement> resources, BulkWriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(options);
        var items = new BulkWriteItem[resources.Count];
        var entries = new List<BulkEntry>(resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            if (Validate(i, resources[i]) is { } error)
            {
                items[i] = error;
            }
            else
            {
                var resource = resources[i];
                var type = resource.GetProperty("resourceType").GetString()!;
                var hasId = resource.TryGetProperty("id", out var id);
                entries.Add(new BulkEntry(i, type, hasId ? id.GetString()! : Guid.CreateVersion7().ToString(), !hasId, resource));
            }
        }

        if (entries.Count > 0)
        {
            var rounds = Rounds(entries);
            if (_session.IsActive)
            {
                await RunAsync(rounds, options, cancellationToken);
            }
            else
            {
                await _retry.ExecuteAsync(
                    async token =>
                    {
                        await RunAsync(rounds, options, token);
                        return true;
                    },
                    cancellationToken);
            }
        }

        foreach (var entry in entries)
        {
            items[entry.Index] = new BulkWriteItem(entry.Index, entry.ResourceType, entry.Id, entry.VersionId, entry.Outcome, Error: null) { Version = entry.Version };
        }

        return new BulkWriteResult(items);
    }

    private async Task RunAsync(IReadOnlyList<List<BulkEntry>> rounds, BulkWriteOptions options, CancellationToken cancellationToken)
    {
        await using var transaction = await _session.BeginAsync(cancellationToken);
        var projectId = _session.Tenant.ProjectId;
        var connection = await _session.ConnectionAsync(cancellationToken);
        var writer = new BulkRowWriter(connection, _schema, projectId);
        var now = VersionStamp.Truncate(_time.GetUtcNow());
        foreach (var round in rounds)
        {
            foreach (var entry in round)
            {
                entry.Current = null;
            }

            if (!options.AllNew)
            {
                await writer.LockCurrentAsync(round.Where(e => !e.ServerAssignedId), cancellationToken);
            }

            try
            {
                Parallel.ForEach(round, entry => Prepare(entry, now, options));
            }
            catch (AggregateException e)
            {
                // A resource the indexer refuses is a 4xx of the caller's, not an AggregateException's 500.
                ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
            }
            await writer.WriteAsync(round.Where(e => e.Rows is not null).ToList(), cancellationToken);
        }

        _session.AfterCommit(() =>
        {
            foreach (var entry in rounds.SelectMany(r => r))
            {
                _cache.Remove(projectId, entry.ResourceType, entry.Id);
            }
        });
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The version decision, the stored JSON, the index and the rows of one entry (thread-safe: runs in parallel).</summary>
    private void Prepare(BulkEntry entry, DateTimeOffset now, BulkWriteOptions options)
    {
        var current = entry.Current;
        entry.Rows = null;
        entry.Version = null;
        if (current is { Deleted: false, Content: { } content } && _options.SkipUnchangedUpdates && VersionStamp.SameContent(entry.Resource, content, entry.Id))
        {
            entry.Outcome = WriteOutcome.Unchanged;
            entry.VersionId = current.VersionId;
            return;
        }

        entry.VersionId = (current?.VersionId ?? 0) + 1;
        entry.Outcome = current is null or { Deleted: true } ? WriteOutcome.Created : WriteOutcome.Updated;
        var json = VersionStamp.Apply(entry.Resource, entry.Id, entry.VersionId, now);
        var method = options.Method ?? (entry.ServerAssignedId ? "POST" : "PUT");
        var stored = new StoredVersion(entry.ResourceType, entry.Id, entry.VersionId, now, Deleted: false, json);
        entry.Rows = options.IndexLater
            ? _rows.Build(stored, _session.Tenant.ProjectId, indexed: null, method)
            : _rows.BuildIndexed(stored, _session.Tenant.ProjectId, method);
        entry.Version = new ResourceVersion(entry.ResourceType, entry.Id, entry.VersionId, now, Deleted: false, json);
    }

    private BulkWriteItem? Validate(int index, JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return Failure(index, null, null, "The resource has no resourceType.");
        }

        var resourceType = type.GetString()!;
        if (!_definitions.Structures.IsConcreteResourceType(resourceType) || !_schema.TryGetResource(resourceType, out _))
        {
            return Failure(index, resourceType, null, $"'{resourceType}' is not a FHIR R4 resource type this server stores.");
        }

        if (resource.TryGetProperty("id", out var id) && (id.ValueKind != JsonValueKind.String || !ResourceIds.IsValid(id.GetString())))
        {
            return Failure(index, resourceType, null,
                $"'{id}' is not a valid resource id: 1 to 64 of A-Z, a-z, 0-9, '-' and '.' (https://hl7.org/fhir/R4/datatypes.html#id).");
        }

        return null;
    }

    private static BulkWriteItem Failure(int index, string? resourceType, string? id, string message) =>
        new(index, resourceType, id, 0, Outcome: null, message);

    /// <summary>Round n holds the n-th occurrence of each (type, id), so each round writes an id at most once.</summary>
    private static List<List<BulkEntry>> Rounds(List<BulkEntry> entries)
    {
        var rounds = new List<List<BulkEntry>>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var entry in entries)
        {
            var key = (entry.ResourceType, entry.Id);
            var round = seen.GetValueOrDefault(key);
            seen[key] = round + 1;
            if (round == rounds.Count)
            {
                rounds.Add([]);
            }

            rounds[round].Add(entry);
        }

        return rounds;
    }
}
