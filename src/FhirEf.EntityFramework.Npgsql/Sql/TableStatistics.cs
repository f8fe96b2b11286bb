using FhirEf.Core.Schema;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Sql;

/// <summary>
/// Refreshes the planner statistics of the tables a bulk operation (an import, a reindex) changed a good part
/// of. Autovacuum gets there within a minute or so, but a search planned in between, on statistics that predate
/// the load or describe search columns that were all null before the reindex, can take a plan thousands of
/// times too slow: a chained count over 300 freshly imported Observations ran into the 30-s statement timeout
/// so. The rule is autovacuum's own (<c>autovacuum_analyze_threshold</c> 50 plus
/// <c>autovacuum_analyze_scale_factor</c> 0.1 of the rows), applied at once: a table is analysed when the
/// operation wrote more rows than that, or was never analysed. <c>ANALYZE</c> samples at most 30,000 rows per
/// table (seconds on a cold table of millions) and takes no lock that blocks reads or writes.
/// </summary>
public static class TableStatistics
{
    private const double Threshold = 50;
    private const double ScaleFactor = 0.1;

    /// <param name="connection">An open connection.</param>
    /// <param name="schema">The schema the types' tables come from.</param>
    /// <param name="written">Rows written per resource type (main rows; their references go with them).</param>
    /// <param name="lookups">Whether the shared lookup tables were written too (their count: all rows written).</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public static async Task RefreshAsync(
        NpgsqlConnection connection, FhirSchema schema, IReadOnlyDictionary<string, long> written, bool lookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(written);
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (type, count) in written.Where(w => w.Value > 0))
        {
            var resource = schema.Resource(type);
            tables[resource.Main.Name] = count;
            tables[resource.References.Name] = count;
        }

        if (lookups && tables.Count > 0)
        {
            foreach (var lookup in schema.Lookups)
            {
                tables[lookup.Name] = written.Values.Sum();
            }
        }

        var stale = await StaleAsync(connection, tables, cancellationToken);
        if (stale.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("ANALYZE " + string.Join(", ", stale.Select(SqlIdentifier.Quote)), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> StaleAsync(NpgsqlConnection connection, Dictionary<string, long> tables, CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        if (tables.Count == 0)
        {
            return stale;
        }

        await using var command = new NpgsqlCommand(
            "SELECT t, c.reltuples FROM unnest($1::text[]) AS t JOIN pg_class AS c ON c.oid = to_regclass(quote_ident(t))", connection)
        {
            Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = tables.Keys.ToArray() } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var table = reader.GetString(0);
            var rows = reader.GetFloat(1);
            if (rows < 0 || tables[table] > Threshold + ScaleFactor * rows)
            {
                stale.Add(table);
            }
        }

        return stale;
    }
}
