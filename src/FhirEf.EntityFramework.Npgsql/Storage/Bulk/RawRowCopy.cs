using FhirEf.EntityFramework.Storage.Rows;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>
/// Binary COPY of ready-built rows into the main, history, references and lookup tables, and nothing
/// else: no lookup of current versions, no indexing, no staging. The raw-PostgreSQL baseline the bulk
/// import benchmark measures <see cref="NpgsqlBulkWriter"/> against (docs/benchmarks.md, "Bulk import").
/// </summary>
public static class RawRowCopy
{
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<ResourceRowSet> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var type in rows.GroupBy(r => r.Schema))
        {
            await BinaryTableCopy.CopyAsync(connection, type.Key.Main, type.Key.Main.Name, type.Select(r => r.Main), cancellationToken);
            await BinaryTableCopy.CopyAsync(connection, type.Key.History, type.Key.History.Name, type.Select(r => r.History), cancellationToken);
            await BinaryTableCopy.CopyAsync(connection, type.Key.References, type.Key.References.Name, type.SelectMany(r => r.References), cancellationToken);
        }

        foreach (var lookup in rows.SelectMany(r => r.Lookups).GroupBy(l => l.Table))
        {
            await BinaryTableCopy.CopyAsync(connection, lookup.Key, lookup.Key.Name, lookup.Select(l => l.Row), cancellationToken);
        }
    }
}
