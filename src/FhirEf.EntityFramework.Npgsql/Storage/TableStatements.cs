using System.Runtime.CompilerServices;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// The statements of one table, built once from the schema. Values are always parameters
/// (<c>$1…$n</c> in column order, or in primary-key order for <see cref="SelectVersion"/>); identifiers
/// come from the schema and are quoted.
/// </summary>
internal sealed class TableStatements
{
    private static readonly ConditionalWeakTable<TableSchema, TableStatements> Cache = [];

    private TableStatements(TableSchema table)
    {
        Table = table;
        Types = [.. table.Columns.Select(c => ParameterType(c.Type))];
        var names = table.Columns.Select(c => SqlIdentifier.Quote(c.Name)).ToArray();
        var values = table.Columns.Select((c, i) => Placeholder(c, i + 1)).ToArray();
        var quoted = SqlIdentifier.Quote(table.Name);
        Insert = $"INSERT INTO {quoted} ({string.Join(", ", names)}) VALUES ({string.Join(", ", values)})";

        // Main tables: the first two columns are the key (projectId, id); the rest is replaced.
        Update = $"UPDATE {quoted} SET {string.Join(", ", names.Skip(2).Zip(values.Skip(2), (n, v) => $"{n} = {v}"))} " +
            $"WHERE {names[0]} = $1 AND {names[1]} = $2";

        // References and lookup rows: many rows in one statement whose text never changes.
        InsertMany = $"INSERT INTO {quoted} ({string.Join(", ", names)}) SELECT * FROM unnest(" +
            string.Join(", ", table.Columns.Select((c, i) => $"${i + 1}::{ArrayTypeName(c.Type)}")) + ")";

        // Main and history tables: one version by primary key ((projectId, id), or (projectId, id, versionId)).
        SelectVersion = table.Kind is TableKind.Resource or TableKind.History
            ? $"SELECT {string.Join(", ", VersionColumns.Select(SqlIdentifier.Quote))} FROM {quoted} WHERE " +
                string.Join(" AND ", table.PrimaryKey.Select((c, i) => $"{SqlIdentifier.Quote(c)} = ${i + 1}"))
            : null;
    }

    private static readonly string[] VersionColumns = [FixedColumns.VersionId, FixedColumns.LastUpdated, FixedColumns.Deleted, FixedColumns.Content];

    public TableSchema Table { get; }

    public NpgsqlDbType[] Types { get; }

    public string Insert { get; }

    public string Update { get; }

    /// <summary>Insert of several rows through unnest: one array parameter per column (scalar columns only).</summary>
    public string InsertMany { get; }

    /// <summary>
    /// Main and history tables: versionId, lastUpdated, deleted and content, in that order, of the row whose
    /// primary key is <c>$1…$n</c>; null for other tables.
    /// </summary>
    public string? SelectVersion { get; }

    public static TableStatements For(TableSchema table) => Cache.GetValue(table, t => new TableStatements(t));

    private static string Placeholder(ColumnSchema column, int position) =>
        column.Type == ColumnType.TsVector ? $"${position}::tsvector" : $"${position}";

    private static NpgsqlDbType ParameterType(ColumnType type) => type switch
    {
        ColumnType.Text or ColumnType.TsVector => NpgsqlDbType.Text,
        ColumnType.TextArray => NpgsqlDbType.Array | NpgsqlDbType.Text,
        ColumnType.Integer => NpgsqlDbType.Integer,
        ColumnType.Boolean => NpgsqlDbType.Boolean,
        ColumnType.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnType.Numeric => NpgsqlDbType.Numeric,
        ColumnType.Jsonb => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string ArrayTypeName(ColumnType type) => type switch
    {
        ColumnType.Text => "text[]",
        ColumnType.Integer => "integer[]",
        ColumnType.Boolean => "boolean[]",
        ColumnType.Timestamp => "timestamptz[]",
        ColumnType.Numeric => "numeric[]",
        _ => "text[]",
    };
}
