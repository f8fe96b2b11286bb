using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>Reads tables, columns and indexes of one schema from PostgreSQL's catalog.</summary>
public static class PostgresCatalogReader
{
    // Ordinary and partitioned tables; for index keys, pg_index.indkey is 0 for an expression.
    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = COALESCE($1, current_schema()) AND c.relkind IN ('r', 'p')
        ORDER BY c.relname, a.attnum
        """;

    private const string IndexesSql = """
        SELECT t.relname, i.relname, am.amname, x.indisunique, x.indnkeyatts,
               ARRAY(SELECT CASE WHEN x.indkey[k - 1] = 0 THEN pg_get_indexdef(x.indexrelid, k, true) ELSE a.attname::text END
                     FROM generate_series(1, x.indnatts) AS k
                     LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k - 1]
                     ORDER BY k),
               ARRAY(SELECT x.indkey[k - 1] = 0 FROM generate_series(1, x.indnatts) AS k ORDER BY k),
               ARRAY(SELECT CASE WHEN o.opcdefault THEN NULL ELSE o.opcname::text END
                     FROM unnest(x.indclass::oid[]) WITH ORDINALITY AS c(oid, k)
                     JOIN pg_opclass o ON o.oid = c.oid
                     ORDER BY c.k),
               pg_get_expr(x.indpred, x.indrelid, true),
               x.indisvalid
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = COALESCE($1, current_schema()) AND t.relkind IN ('r', 'p')
        ORDER BY t.relname, i.relname
        """;

    /// <summary>The tables of <paramref name="schema"/>, or of the connection's current schema when null.</summary>
    public static async Task<IReadOnlyList<TableSnapshot>> ReadAsync(NpgsqlConnection connection, string? schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var columns = new Dictionary<string, List<ColumnSnapshot>>(StringComparer.Ordinal);
        await using (var command = Command(connection, ColumnsSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = columns.TryGetValue(reader.GetString(0), out var list) ? list : columns[reader.GetString(0)] = [];
                if (!await reader.IsDBNullAsync(1, cancellationToken))
                {
                    table.Add(new ColumnSnapshot(reader.GetString(1), reader.GetString(2), IsNullable: !reader.GetBoolean(3)));
                }
            }
        }

        var indexes = columns.Keys.ToDictionary(name => name, _ => new List<IndexSnapshot>(), StringComparer.Ordinal);
        await using (var command = Command(connection, IndexesSql, schema))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var keyCount = reader.GetInt16(4);
                var texts = reader.GetFieldValue<string[]>(5);
                var expressions = reader.GetFieldValue<bool[]>(6);
                var operators = reader.GetFieldValue<string?[]>(7);
                var keys = Enumerable.Range(0, keyCount).Select(k => new IndexKey(texts[k], expressions[k], operators[k])).ToList();
                indexes[reader.GetString(0)].Add(new IndexSnapshot(
                    reader.GetString(1),
                    reader.GetString(2),
                    keys,
                    reader.GetBoolean(3),
                    texts[keyCount..],
                    await reader.IsDBNullAsync(8, cancellationToken) ? null : reader.GetString(8),
                    reader.GetBoolean(9)));
            }
        }

        return [.. columns.Select(t => new TableSnapshot(t.Key, t.Value, indexes[t.Key])).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string? schema) => new(sql, connection)
    {
        Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)schema ?? DBNull.Value } },
    };
}
