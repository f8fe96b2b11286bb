using System.Globalization;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>
/// Binary <c>COPY … FROM STDIN</c> of rows laid out in a table's column order (as
/// <see cref="EntityFramework.Storage.Rows.ResourceRowBuilder"/> builds them) into that table or a
/// staging table shaped like it. Values go in PostgreSQL's binary form: no text parsing on the server.
/// </summary>
internal static class BinaryTableCopy
{
    public static async Task<ulong> CopyAsync(
        NpgsqlConnection connection, TableSchema table, string targetName, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => SqlIdentifier.Quote(c.Name)));
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {SqlIdentifier.Quote(targetName)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                await WriteAsync(importer, table.Columns[i].Type, row[i], cancellationToken);
            }
        }

        return await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, ColumnType type, object? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return importer.WriteNullAsync(cancellationToken);
        }

        return type switch
        {
            ColumnType.Text => importer.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken),
            ColumnType.Jsonb => importer.WriteAsync((string)value, NpgsqlDbType.Jsonb, cancellationToken),
            ColumnType.TextArray => importer.WriteAsync((string[])value, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken),
            ColumnType.Integer => importer.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), NpgsqlDbType.Integer, cancellationToken),
            ColumnType.Boolean => importer.WriteAsync((bool)value, NpgsqlDbType.Boolean, cancellationToken),
            ColumnType.Timestamp => importer.WriteAsync((DateTime)value, NpgsqlDbType.TimestampTz, cancellationToken),
            ColumnType.Numeric => importer.WriteAsync(Convert.ToDecimal(value, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, cancellationToken),

            // The field's bytes are tsvector's binary form; bytea writes them unchanged.
            ColumnType.TsVector => importer.WriteAsync(TsVectorBinary.FromInputText((string)value), NpgsqlDbType.Bytea, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
