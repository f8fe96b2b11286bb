using System.Collections.Concurrent;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// The point reads of a resource type, built once per type: the current version by id
/// (<c>$1</c> project, <c>$2</c> id) and one version from the history table (<c>$3</c> versionId).
/// Both select versionId, lastUpdated, deleted and content, in that order.
/// </summary>
internal static class ReadStatements
{
    private static readonly ConcurrentDictionary<string, (string, string)> CurrentByType = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string, string)> VersionByType = new(StringComparer.Ordinal);

    public static (string ResourceType, string Sql) Current(string resourceType) =>
        CurrentByType.GetOrAdd(resourceType, static type => (type, SelectColumns + $" FROM {SqlIdentifier.Quote(type)} {WhereKey}"));

    public static (string ResourceType, string Sql) Version(string resourceType) =>
        VersionByType.GetOrAdd(resourceType, static type =>
            (type, SelectColumns + $" FROM {SqlIdentifier.Quote(SchemaNames.HistoryTable(type))} {WhereKey} AND {SqlIdentifier.Quote(FixedColumns.VersionId)} = $3"));

    private static string WhereKey => $"WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1 AND {SqlIdentifier.Quote(FixedColumns.Id)} = $2";

    private static string SelectColumns =>
        $"SELECT {SqlIdentifier.Quote(FixedColumns.VersionId)}, {SqlIdentifier.Quote(FixedColumns.LastUpdated)}, " +
        $"{SqlIdentifier.Quote(FixedColumns.Deleted)}, {SqlIdentifier.Quote(FixedColumns.Content)}";
}
