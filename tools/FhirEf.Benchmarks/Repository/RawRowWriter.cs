using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Storage.Rows;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// The floor a write cannot go below: the rows FhirEf would store for a resource (main, history,
/// references, lookups), already built, sent as plain parameterised INSERTs in one batch and one
/// transaction, with none of the repository's work (indexing, version checks, locks, retries).
/// </summary>
internal static class RawRowWriter
{
    public static async Task InsertAsync(NpgsqlDataSource dataSource, ResourceRowSet rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Insert(rows.Schema.Main, rows.Main));
        batch.BatchCommands.Add(Insert(rows.Schema.History, rows.History));
        foreach (var reference in rows.References)
        {
            batch.BatchCommands.Add(Insert(rows.Schema.References, reference));
        }

        foreach (var (table, row) in rows.Lookups)
        {
            batch.BatchCommands.Add(Insert(table, row));
        }

        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Insert(TableSchema table, object?[] row)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((c, i) => c.Type == ColumnType.TsVector ? $"${i + 1}::tsvector" : $"${i + 1}"))})");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = row[i] ?? DBNull.Value, NpgsqlDbType = DbType(table.Columns[i].Type) });
        }

        return command;
    }

    private static NpgsqlDbType DbType(ColumnType type) => type switch
    {
        ColumnType.Text => NpgsqlDbType.Text,
        ColumnType.TextArray => NpgsqlDbType.Array | NpgsqlDbType.Text,
        ColumnType.Integer => NpgsqlDbType.Integer,
        ColumnType.Boolean => NpgsqlDbType.Boolean,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Numeric => NpgsqlDbType.Numeric,
        ColumnType.Jsonb => NpgsqlDbType.Jsonb,
        ColumnType.TsVector => NpgsqlDbType.Text, // the lexemes as tsvector text, cast in SQL (as FhirEf sends them)
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
