using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>
/// The SQL of a bulk write, per resource type: new main rows are copied straight into the table; main
/// rows that replace existing ones are copied into a temporary staging table and merged with one
/// <c>UPDATE … FROM</c> (an update keeps the row, so a concurrent single write waiting on its lock sees
/// the new version rather than a vanished row); history rows are copied; the references and lookup rows
/// of replaced resources are deleted with one <c>= ANY($ids)</c> statement per table, then all are copied.
/// </summary>
internal sealed class BulkRowWriter(NpgsqlConnection connection, FhirSchema schema, string projectId)
{
    /// <summary>Locks and reads the current rows of <paramref name="entries"/> (in id order per type, against deadlocks).</summary>
    public async Task LockCurrentAsync(IEnumerable<BulkEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var group in entries.GroupBy(e => e.ResourceType, StringComparer.Ordinal))
        {
            var byId = group.ToDictionary(e => e.Id, StringComparer.Ordinal);
            await using var command = new NpgsqlCommand(
                $"SELECT {Q(FixedColumns.Id)}, {Q(FixedColumns.VersionId)}, {Q(FixedColumns.Deleted)}, {Q(FixedColumns.Content)} " +
                $"FROM {Q(group.Key)} WHERE {Q(FixedColumns.ProjectId)} = $1 AND {Q(FixedColumns.Id)} = ANY($2) ORDER BY {Q(FixedColumns.Id)} FOR UPDATE",
                connection)
            {
                Parameters =
                {
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = projectId },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = byId.Keys.ToArray() },
                },
            };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                byId[reader.GetString(0)].Current = new CurrentRow(
                    reader.GetInt32(1), reader.GetBoolean(2), await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3));
            }
        }
    }

    /// <summary>Writes the rows of <paramref name="entries"/> (each id at most once).</summary>
    public async Task WriteAsync(IReadOnlyList<BulkEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var group in entries.GroupBy(e => e.ResourceType, StringComparer.Ordinal))
        {
            var resource = schema.Resource(group.Key);
            var replaced = group.Where(e => e.Replaces).ToList();
            var fresh = group.Where(e => !e.Replaces).Select(e => e.Rows!.Main).ToList();
            if (fresh.Count > 0)
            {
                await BinaryTableCopy.CopyAsync(connection, resource.Main, resource.Main.Name, fresh, cancellationToken);
            }

            if (replaced.Count > 0)
            {
                var ids = replaced.Select(e => e.Id).ToArray();
                await MergeMainAsync(resource.Main, replaced.Select(e => e.Rows!.Main), cancellationToken);
                await ExecuteAsync(
                    $"DELETE FROM {Q(resource.References.Name)} WHERE {Q(FixedColumns.ProjectId)} = $1 AND {Q(FixedColumns.ResourceId)} = ANY($2)",
                    [Text(projectId), TextArray(ids)],
                    cancellationToken);
                foreach (var lookup in schema.Lookups)
                {
                    await ExecuteAsync(
                        $"DELETE FROM {Q(lookup.Name)} WHERE {Q(FixedColumns.ProjectId)} = $1 AND {Q(FixedColumns.ResourceType)} = $2 AND {Q(FixedColumns.ResourceId)} = ANY($3)",
                        [Text(projectId), Text(group.Key), TextArray(ids)],
                        cancellationToken);
                }
            }

            await BinaryTableCopy.CopyAsync(connection, resource.History, resource.History.Name, group.Select(e => e.Rows!.History), cancellationToken);
            var references = group.SelectMany(e => e.Rows!.References).ToList();
            if (references.Count > 0)
            {
                await BinaryTableCopy.CopyAsync(connection, resource.References, resource.References.Name, references, cancellationToken);
            }
        }

        foreach (var lookup in entries.SelectMany(e => e.Rows!.Lookups).GroupBy(l => l.Table))
        {
            await BinaryTableCopy.CopyAsync(connection, lookup.Key, lookup.Key.Name, lookup.Select(l => l.Row), cancellationToken);
        }
    }

    /// <summary>COPY into <c>"fhiref_bulk_&lt;Type&gt;"</c> (dropped at commit), then one UPDATE of every non-key column.</summary>
    private async Task MergeMainAsync(TableSchema main, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var stage = "fhiref_bulk_" + main.Name;
        await ExecuteAsync($"CREATE TEMP TABLE {Q(stage)} (LIKE {Q(main.Name)}) ON COMMIT DROP", [], cancellationToken);
        await BinaryTableCopy.CopyAsync(connection, main, stage, rows, cancellationToken);
        var columns = main.Columns.Skip(2).Select(c => Q(c.Name)).ToList();
        await ExecuteAsync(
            $"UPDATE {Q(main.Name)} AS t SET ({string.Join(", ", columns)}) = ({string.Join(", ", columns.Select(c => "s." + c))}) " +
            $"FROM {Q(stage)} AS s WHERE t.{Q(FixedColumns.ProjectId)} = s.{Q(FixedColumns.ProjectId)} AND t.{Q(FixedColumns.Id)} = s.{Q(FixedColumns.Id)}",
            [],
            cancellationToken);
        await ExecuteAsync($"DROP TABLE {Q(stage)}", [], cancellationToken);
    }

    private async Task ExecuteAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = value };

    private static NpgsqlParameter TextArray(string[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values };

    private static string Q(string identifier) => SqlIdentifier.Quote(identifier);
}
