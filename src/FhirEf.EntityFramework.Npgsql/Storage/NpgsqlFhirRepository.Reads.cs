using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage;

public sealed partial class NpgsqlFhirRepository
{
    public async Task<ResourceVersion?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken)
    {
        RequireResourceType(resourceType);
        if (!ResourceIds.IsValid(id))
        {
            return null;
        }

        // Inside a unit of work the cache may hold an older version than this transaction wrote.
        var useCache = !_session.IsActive;
        var stamp = useCache ? _cache.Stamp(ProjectId, resourceType, id) : 0;
        if (useCache && _cache.TryGet(ProjectId, resourceType, id, out var cached))
        {
            return cached;
        }

        var version = await ReadRowAsync(resourceType, _schema.Resource(resourceType).Main, id, versionId: null, cancellationToken);
        if (version is null)
        {
            return null;
        }

        if (useCache)
        {
            _cache.Set(ProjectId, version, stamp);
        }

        return version;
    }

    public async Task<ResourceVersion?> ReadVersionAsync(string resourceType, string id, int versionId, CancellationToken cancellationToken)
    {
        RequireResourceType(resourceType);
        if (!ResourceIds.IsValid(id))
        {
            return null;
        }

        return await ReadRowAsync(resourceType, _schema.Resource(resourceType).History, id, versionId, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string resourceType, string id, CancellationToken cancellationToken) =>
        await ReadAsync(resourceType, id, cancellationToken) is { Deleted: false };

    /// <summary>
    /// A point read by primary key on the session's connection and transaction (auto-prepared by the data source):
    /// the hottest query of a FHIR server, so it skips EF Core's per-query work (context, parameter
    /// extraction, query cache lookup), which cost more than PostgreSQL's own execution of it.
    /// </summary>
    private async Task<ResourceVersion?> ReadRowAsync(string resourceType, TableSchema table, string id, int? versionId, CancellationToken cancellationToken)
    {
        var connection = await _session.ConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(TableStatements.For(table).SelectVersion, connection, _session.Transaction)
        {
            Parameters =
            {
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ProjectId },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = id },
            },
        };
        if (versionId is { } number)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = number });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ResourceVersion(
            resourceType,
            id,
            reader.GetInt32(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetBoolean(2),
            await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3));
    }
}
