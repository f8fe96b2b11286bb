using FhirEf.Core.Resources;
using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Indexing;
using FhirEf.Core.Schema;
using FhirEf.Core.Versioning;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Storage;
using FhirEf.EntityFramework.Storage.Caching;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// <see cref="IFhirRepository"/> on PostgreSQL. Writes lock the resource's row (<c>SELECT … FOR UPDATE</c>),
/// derive the next version, and write main, history, references and lookup rows in one batch inside one
/// transaction (or a savepoint of the ambient unit of work), retried on transient conflicts. Point reads
/// (read, vread) are parameterised statements with the tenant in their key; history is LINQ over the EF
/// model, filtered to the tenant.
/// </summary>
public sealed partial class NpgsqlFhirRepository : IFhirRepository
{
    private readonly FhirSession _session;
    private readonly FhirDefinitions _definitions;
    private readonly FhirSchema _schema;
    private readonly ResourceRowBuilder _rows;
    private readonly ResourceCache _cache;
    private readonly WriteRetry _retry;
    private readonly TimeProvider _time;
    private readonly StorageOptions _options;
    private readonly Lazy<Dictionary<string, int>> _typeOrder;

    public NpgsqlFhirRepository(
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
        _typeOrder = new(() => _schema.Resources.Select((r, i) => (r.ResourceType, i)).ToDictionary(p => p.ResourceType, p => p.i, StringComparer.Ordinal));
    }

    private string ProjectId => _session.Tenant.ProjectId;

    public Task<WriteResult> CreateAsync(JsonElement resource, WriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resourceType = ResourceTypeOf(resource);
        var id = Guid.CreateVersion7().ToString();
        return WriteAsync(resourceType, id, async (connection, now, token) =>
        {
            var version = await StoreAsync(connection, resource, resourceType, id, 1, now, options.Method ?? "POST", replace: false, token);
            return new WriteResult(WriteOutcome.Created, version);
        }, cancellationToken);
    }

    public Task<WriteResult> UpdateAsync(string resourceType, string id, JsonElement resource, WriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireResourceType(resourceType);
        RequireId(id);
        if (ResourceTypeOf(resource) != resourceType)
        {
            throw new InvalidResourceException($"The resource is a {ResourceTypeOf(resource)}, but the URL names {resourceType}.", "resourceType");
        }

        if (!resource.TryGetProperty("id", out var bodyId) || bodyId.ValueKind != JsonValueKind.String || bodyId.GetString() != id)
        {
            throw new InvalidResourceException(
                $"The resource's id must equal the id in the URL ('{id}') for an update (https://hl7.org/fhir/R4/http.html#update).", $"{resourceType}.id");
        }

        return WriteAsync(resourceType, id, async (connection, now, token) =>
        {
            var current = await LockAsync(connection, resourceType, id, token);
            CheckIfMatch(options, current, resourceType, id);
            if (current is { Deleted: false, Content: { } content } && _options.SkipUnchangedUpdates && VersionStamp.SameContent(resource, content, id))
            {
                return new WriteResult(WriteOutcome.Unchanged, ToVersion(resourceType, id, current));
            }

            var versionId = (current?.VersionId ?? 0) + 1;
            var version = await StoreAsync(connection, resource, resourceType, id, versionId, now, options.Method ?? "PUT", replace: current is not null, token);
            return new WriteResult(current is null or { Deleted: true } ? WriteOutcome.Created : WriteOutcome.Updated, version);
        }, cancellationToken);
    }

    public Task<WriteResult> DeleteAsync(string resourceType, string id, WriteOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireResourceType(resourceType);
        RequireId(id);
        return WriteAsync(resourceType, id, async (connection, now, token) =>
        {
            var current = await LockAsync(connection, resourceType, id, token);
            CheckIfMatch(options, current, resourceType, id);
            if (current is null or { Deleted: true })
            {
                return new WriteResult(WriteOutcome.NothingToDelete, current is null ? null : ToVersion(resourceType, id, current));
            }

            var tombstone = new StoredVersion(resourceType, id, current.VersionId + 1, now, Deleted: true, Json: null);
            await ResourceRowWriter.WriteAsync(connection, _rows.Build(tombstone, ProjectId, indexed: null, options.Method ?? "DELETE"), replace: true, token);
            return new WriteResult(WriteOutcome.Deleted, new ResourceVersion(resourceType, id, tombstone.VersionId, now, true, null));
        }, cancellationToken);
    }

    public async Task<int> ExpungeAsync(string resourceType, string id, CancellationToken cancellationToken)
    {
        RequireResourceType(resourceType);
        RequireId(id);
        var result = await WriteAsync(resourceType, id, async (connection, _, token) =>
        {
            var removed = await ResourceRowWriter.ExpungeAsync(connection, _schema.Resource(resourceType), ProjectId, id, token);
            return new WriteResult(removed > 0 ? WriteOutcome.Deleted : WriteOutcome.NothingToDelete, new ResourceVersion(resourceType, id, removed, default, true, null));
        }, cancellationToken);
        return result.Version!.VersionId;
    }

    private async Task<ResourceVersion> StoreAsync(
        NpgsqlConnection connection,
        JsonElement resource,
        string resourceType,
        string id,
        int versionId,
        DateTimeOffset now,
        string method,
        bool replace,
        CancellationToken cancellationToken)
    {
        var json = VersionStamp.Apply(resource, id, versionId, now);
        var version = new StoredVersion(resourceType, id, versionId, now, Deleted: false, json);
        await ResourceRowWriter.WriteAsync(connection, _rows.BuildIndexed(version, ProjectId, method), replace, cancellationToken);
        return new ResourceVersion(resourceType, id, versionId, now, false, json);
    }

    /// <summary>One write: inside the ambient unit of work as a savepoint, otherwise its own retried transaction.</summary>
    private async Task<WriteResult> WriteAsync(
        string resourceType,
        string id,
        Func<NpgsqlConnection, DateTimeOffset, CancellationToken, Task<WriteResult>> work,
        CancellationToken cancellationToken)
    {
        if (_session.IsActive)
        {
            return await RunInTransactionAsync(resourceType, id, work, cancellationToken);
        }

        return await _retry.ExecuteAsync(async token => await RunInTransactionAsync(resourceType, id, work, token), cancellationToken);
    }

    private async Task<WriteResult> RunInTransactionAsync(
        string resourceType,
        string id,
        Func<NpgsqlConnection, DateTimeOffset, CancellationToken, Task<WriteResult>> work,
        CancellationToken cancellationToken)
    {
        await using var transaction = await _session.BeginAsync(cancellationToken);
        var projectId = ProjectId;
        _session.AfterCommit(() => _cache.Remove(projectId, resourceType, id));
        var connection = await _session.ConnectionAsync(cancellationToken);
        var result = await work(connection, VersionStamp.Truncate(_time.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<CurrentRow?> LockAsync(NpgsqlConnection connection, string resourceType, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {SqlIdentifier.Quote(FixedColumns.VersionId)}, {SqlIdentifier.Quote(FixedColumns.Deleted)}, {SqlIdentifier.Quote(FixedColumns.Content)} " +
            $"FROM {SqlIdentifier.Quote(resourceType)} WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1 AND {SqlIdentifier.Quote(FixedColumns.Id)} = $2 FOR UPDATE",
            connection,
            _session.Transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ProjectId },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = id },
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new CurrentRow(reader.GetInt32(0), reader.GetBoolean(1), await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2))
            : null;
    }

    private static void CheckIfMatch(WriteOptions options, CurrentRow? current, string resourceType, string id)
    {
        if (options.IfMatchVersion is { } expected && (current is null || current.Deleted || current.VersionId != expected))
        {
            throw new VersionConflictException(current is null or { Deleted: true }
                ? $"If-Match W/\"{expected}\" does not hold: {resourceType}/{id} has no current version."
                : $"If-Match W/\"{expected}\" does not hold: the current version of {resourceType}/{id} is {current.VersionId}.");
        }
    }

    private static ResourceVersion ToVersion(string resourceType, string id, CurrentRow current) =>
        new(resourceType, id, current.VersionId, LastUpdatedOf(current.Content), current.Deleted, current.Content);

    private static DateTimeOffset LastUpdatedOf(string? json)
    {
        if (json is null)
        {
            return default;
        }

        using var document = FhirJson.Parse(json);
        return document.RootElement.TryGetProperty("meta", out var meta) && meta.TryGetProperty("lastUpdated", out var lastUpdated)
            ? DateTimeOffset.Parse(lastUpdated.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : default;
    }

    private string ResourceTypeOf(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new InvalidResourceException("The resource has no resourceType.", "resourceType");
        }

        var name = type.GetString()!;
        RequireResourceType(name);
        return name;
    }

    private void RequireResourceType(string resourceType)
    {
        if (!_definitions.Structures.IsConcreteResourceType(resourceType) || !_schema.TryGetResource(resourceType, out _))
        {
            throw new InvalidRequestException($"'{resourceType}' is not a FHIR R4 resource type this server stores.");
        }
    }

    private static void RequireId(string id)
    {
        if (!ResourceIds.IsValid(id))
        {
            throw new InvalidRequestException($"'{id}' is not a valid resource id: 1 to 64 of A-Z, a-z, 0-9, '-' and '.' (https://hl7.org/fhir/R4/datatypes.html#id).");
        }
    }
}
