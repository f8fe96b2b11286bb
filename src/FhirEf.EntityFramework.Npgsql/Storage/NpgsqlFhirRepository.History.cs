using System.Globalization;
using System.Text;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Schema;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// History (https://hl7.org/fhir/R4/http.html#history): newest first, ordered by (lastUpdated, type,
/// id, versionId) descending and paged by keyset on that tuple, so pages stay stable while new versions
/// arrive. System history is one UNION ALL over every type's history table, each branch already
/// limited to a page.
/// </summary>
public sealed partial class NpgsqlFhirRepository
{
    public const int MaxHistoryCount = 1000;

    public async Task<HistoryPage> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Id is not null && query.ResourceType is null)
        {
            throw new InvalidRequestException("Instance history needs a resource type.");
        }

        var count = Math.Clamp(query.Count, 1, MaxHistoryCount);
        var cursor = query.Cursor is null ? null : HistoryCursor.Parse(query.Cursor);
        if (cursor is not null)
        {
            cursor = cursor with { TypeOrder = _typeOrder.Value.TryGetValue(cursor.ResourceType, out var order) ? order : throw new InvalidRequestException("The history paging cursor names an unknown type.") };
        }

        var types = query.ResourceType is { } type ? [RequireAndReturn(type)] : _schema.ResourceTypes.ToArray();
        var context = await _session.ContextAsync(cancellationToken);

        IQueryable<HistoryRow>? union = null;
        foreach (var resourceType in types)
        {
            var branch = Branch(context.Table(SchemaNames.HistoryTable(resourceType)), resourceType, TypeOrder(resourceType), query, cursor)
                .OrderByDescending(r => r.LastUpdated).ThenByDescending(r => r.TypeOrder).ThenByDescending(r => r.Id).ThenByDescending(r => r.VersionId)
                .Take(count + 1);
            union = union is null ? branch : union.Concat(branch);
        }

        var rows = await union!
            .OrderByDescending(r => r.LastUpdated).ThenByDescending(r => r.TypeOrder).ThenByDescending(r => r.Id).ThenByDescending(r => r.VersionId)
            .Take(count + 1)
            .ToListAsync(cancellationToken);

        var entries = rows.Take(count)
            .Select(r => new HistoryEntry(
                new ResourceVersion(r.ResourceType, r.Id, r.VersionId, new DateTimeOffset(r.LastUpdated, TimeSpan.Zero), r.Deleted, r.Content),
                r.Method))
            .ToList();
        var next = rows.Count > count ? HistoryCursor.Format(rows[count - 1]) : null;
        return new HistoryPage(entries, next);
    }

    private string RequireAndReturn(string resourceType)
    {
        RequireResourceType(resourceType);
        return resourceType;
    }

    /// <summary>Types are ordered by their position in the schema, not by name: no collation can disagree with the cursor.</summary>
    private int TypeOrder(string resourceType) => _typeOrder.Value[resourceType];

    private static IQueryable<HistoryRow> Branch(
        IQueryable<Dictionary<string, object>> table,
        string resourceType,
        int typeOrder,
        HistoryQuery query,
        HistoryRow? cursor)
    {
        var rows = table;
        if (query.Id is { } id)
        {
            rows = rows.Where(r => EF.Property<string>(r, FixedColumns.Id) == id);
        }

        if (query.Since is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            rows = rows.Where(r => EF.Property<DateTime>(r, FixedColumns.LastUpdated) >= sinceUtc);
        }

        if (query.At is { } at)
        {
            // The version current at the instant: the newest one at or before it, per resource.
            var atUtc = at.UtcDateTime;
            rows = rows.Where(r => EF.Property<DateTime>(r, FixedColumns.LastUpdated) <= atUtc
                && !table.Any(later => EF.Property<string>(later, FixedColumns.Id) == EF.Property<string>(r, FixedColumns.Id)
                    && EF.Property<int>(later, FixedColumns.VersionId) > EF.Property<int>(r, FixedColumns.VersionId)
                    && EF.Property<DateTime>(later, FixedColumns.LastUpdated) <= atUtc));
        }

        var projected = rows.Select(r => new HistoryRow
        {
            ResourceType = resourceType,
            TypeOrder = typeOrder,
            Id = EF.Property<string>(r, FixedColumns.Id),
            VersionId = EF.Property<int>(r, FixedColumns.VersionId),
            LastUpdated = EF.Property<DateTime>(r, FixedColumns.LastUpdated),
            Deleted = EF.Property<bool>(r, FixedColumns.Deleted),
            Method = EF.Property<string>(r, FixedColumns.Method),
            Content = EF.Property<string?>(r, FixedColumns.Content),
        });

        if (cursor is not null)
        {
            // Keyset: strictly after the last row of the previous page in (lastUpdated, type, id, version) descending order.
            var (lastUpdated, lastId, version) = (cursor.LastUpdated, cursor.Id, cursor.VersionId);
            projected = typeOrder.CompareTo(cursor.TypeOrder) switch
            {
                > 0 => projected.Where(r => r.LastUpdated < lastUpdated),
                < 0 => projected.Where(r => r.LastUpdated <= lastUpdated),
                _ => projected.Where(r => r.LastUpdated < lastUpdated
                    || (r.LastUpdated == lastUpdated && (string.Compare(r.Id, lastId) < 0 || (r.Id == lastId && r.VersionId < version)))),
            };
        }

        return projected;
    }

    private sealed record HistoryRow
    {
        public required string ResourceType { get; init; }

        public required int TypeOrder { get; init; }

        public required string Id { get; init; }

        public required int VersionId { get; init; }

        public required DateTime LastUpdated { get; init; }

        public required bool Deleted { get; init; }

        public required string Method { get; init; }

        public string? Content { get; init; }
    }

    /// <summary>The keyset position, as an opaque URL-safe string.</summary>
    private static class HistoryCursor
    {
        public static string Format(HistoryRow row) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(
                $"{row.LastUpdated.Ticks.ToString(CultureInfo.InvariantCulture)}|{row.ResourceType}|{row.Id}|{row.VersionId.ToString(CultureInfo.InvariantCulture)}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static HistoryRow Parse(string cursor)
        {
            try
            {
                var base64 = cursor.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
                return new HistoryRow
                {
                    LastUpdated = new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc),
                    ResourceType = parts[1],
                    TypeOrder = -1,
                    Id = parts[2],
                    VersionId = int.Parse(parts[3], CultureInfo.InvariantCulture),
                    Deleted = false,
                    Method = string.Empty,
                };
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException)
            {
                throw new InvalidRequestException($"The history paging cursor '{cursor}' is not valid.");
            }
        }
    }
}
