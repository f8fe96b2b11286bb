using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Storage.Rows;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// Writes the rows of a version in one round trip (an <see cref="NpgsqlBatch"/>): the main row
/// (inserted, or replaced), the history row, and the references and lookup rows (replaced).
/// </summary>
internal static class ResourceRowWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, ResourceRowSet rows, bool replace, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, rows, replace, withHistory: true);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the commands that store <paramref name="rows"/> to <paramref name="batch"/>. The reindexer leaves
    /// out the history row: it rewrites the search columns, references and lookups of the same version.
    /// </summary>
    public static void Add(NpgsqlBatch batch, ResourceRowSet rows, bool replace, bool withHistory)
    {
        var main = TableStatements.For(rows.Schema.Main);
        batch.BatchCommands.Add(Command(replace ? main.Update : main.Insert, main.Types, rows.Main));
        if (withHistory)
        {
            var history = TableStatements.For(rows.Schema.History);
            batch.BatchCommands.Add(Command(history.Insert, history.Types, rows.History));
        }

        var projectId = rows.Main[0]!;
        var id = rows.Main[1]!;
        if (replace)
        {
            AddDeleteIndexRows(batch, rows.Schema, projectId, id, lookupTables: LookupTables.All);
        }

        if (rows.References.Count > 0)
        {
            var references = TableStatements.For(rows.Schema.References);
            batch.BatchCommands.Add(ColumnarCommand(references, rows.References));
        }

        foreach (var (table, row) in rows.Lookups)
        {
            var lookup = TableStatements.For(table);
            batch.BatchCommands.Add(Command(lookup.Insert, lookup.Types, row));
        }
    }

    /// <summary>Removes every row of a resource: main, history, references, lookups ($expunge). Returns the history rows removed.</summary>
    public static async Task<int> ExpungeAsync(NpgsqlConnection connection, ResourceTableSchema schema, string projectId, string id, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        AddDeleteIndexRows(batch, schema, projectId, id, LookupTables.All);
        batch.BatchCommands.Add(Delete(schema.Main, FixedColumns.Id, projectId, id));
        var history = Delete(schema.History, FixedColumns.Id, projectId, id);
        batch.BatchCommands.Add(history);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return history.RecordsAffected;
    }

    private static void AddDeleteIndexRows(NpgsqlBatch batch, ResourceTableSchema schema, object projectId, object id, IEnumerable<TableSchema> lookupTables)
    {
        batch.BatchCommands.Add(Delete(schema.References, FixedColumns.ResourceId, projectId, id));
        foreach (var lookup in lookupTables)
        {
            var command = new NpgsqlBatchCommand(
                $"DELETE FROM {SqlIdentifier.Quote(lookup.Name)} WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1 " +
                $"AND {SqlIdentifier.Quote(FixedColumns.ResourceType)} = $2 AND {SqlIdentifier.Quote(FixedColumns.ResourceId)} = $3");
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = projectId });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = schema.ResourceType });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = id });
            batch.BatchCommands.Add(command);
        }
    }

    private static NpgsqlBatchCommand Delete(TableSchema table, string idColumn, object projectId, object id)
    {
        var command = new NpgsqlBatchCommand(
            $"DELETE FROM {SqlIdentifier.Quote(table.Name)} WHERE {SqlIdentifier.Quote(FixedColumns.ProjectId)} = $1 AND {SqlIdentifier.Quote(idColumn)} = $2");
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = projectId });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = id });
        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, NpgsqlDbType[] types, object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[i], Value = values[i] ?? DBNull.Value });
        }

        return command;
    }

    private static NpgsqlBatchCommand ColumnarCommand(TableStatements statements, IReadOnlyList<object?[]> rows)
    {
        System.Diagnostics.Debug.Assert(statements.Types.All(t => t == NpgsqlDbType.Text), "columnar inserts are for all-text tables");
        var command = new NpgsqlBatchCommand(statements.InsertMany);
        for (var column = 0; column < statements.Types.Length; column++)
        {
            // The references table is all text; typed arrays are what Npgsql writes.
            var values = new string?[rows.Count];
            for (var row = 0; row < rows.Count; row++)
            {
                values[row] = (string?)rows[row][column];
            }

            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | statements.Types[column], Value = values });
        }

        return command;
    }
}
