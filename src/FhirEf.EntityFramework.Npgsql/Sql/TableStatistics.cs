using FhirEf.Core.Schema;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Sql;

/// <summary>
/// Refreshes the planner statistics of the tables a bulk operation (an import, a reindex) rewrote wholesale.
/// Autovacuum gets there within a minute or so, but a search planned in between, on statistics that predate
/// the load or describe search columns that were all null before the reindex, can take a plan thousands of
/// times too slow: a chained count over 300 freshly imported Observations ran into the 30-s statement timeout
/// so. <c>ANALYZE</c> samples at most 30,000 rows per table and takes no lock that blocks reads or writes.
/// </summary>
public static class TableStatistics
{
    /// <summary>The tables a search reads for <paramref name="resourceTypes"/>: main, references and, when asked, the shared lookup tables.</summary>
    public static IEnumerable<string> TablesOf(FhirSchema schema, IEnumerable<string> resourceTypes, bool lookups)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(resourceTypes);
        foreach (var type in resourceTypes.Distinct(StringComparer.Ordinal))
        {
            var resource = schema.Resource(type);
            yield return resource.Main.Name;
            yield return resource.References.Name;
        }

        if (lookups)
        {
            foreach (var lookup in schema.Lookups)
            {
                yield return lookup.Name;
            }
        }
    }

    public static async Task AnalyzeAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var names = tables.Distinct(StringComparer.Ordinal).Select(SqlIdentifier.Quote).ToList();
        if (names.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("ANALYZE " + string.Join(", ", names), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
