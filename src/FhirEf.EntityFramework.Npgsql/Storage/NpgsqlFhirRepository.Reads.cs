using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore;

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

        var context = await _session.ContextAsync(cancellationToken);
        var row = await context.Table(resourceType)
            .Where(r => EF.Property<string>(r, FixedColumns.Id) == id)
            .Select(r => new
            {
                VersionId = EF.Property<int>(r, FixedColumns.VersionId),
                LastUpdated = EF.Property<DateTime>(r, FixedColumns.LastUpdated),
                Deleted = EF.Property<bool>(r, FixedColumns.Deleted),
                Content = EF.Property<string?>(r, FixedColumns.Content),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var version = new ResourceVersion(resourceType, id, row.VersionId, new DateTimeOffset(row.LastUpdated, TimeSpan.Zero), row.Deleted, row.Content);
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

        var context = await _session.ContextAsync(cancellationToken);
        var row = await context.Table(SchemaNames.HistoryTable(resourceType))
            .Where(r => EF.Property<string>(r, FixedColumns.Id) == id && EF.Property<int>(r, FixedColumns.VersionId) == versionId)
            .Select(r => new
            {
                LastUpdated = EF.Property<DateTime>(r, FixedColumns.LastUpdated),
                Deleted = EF.Property<bool>(r, FixedColumns.Deleted),
                Content = EF.Property<string?>(r, FixedColumns.Content),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new ResourceVersion(resourceType, id, versionId, new DateTimeOffset(row.LastUpdated, TimeSpan.Zero), row.Deleted, row.Content);
    }

    public async Task<bool> ExistsAsync(string resourceType, string id, CancellationToken cancellationToken) =>
        await ReadAsync(resourceType, id, cancellationToken) is { Deleted: false };
}
