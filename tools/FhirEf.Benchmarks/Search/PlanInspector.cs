using System.Text;
using System.Text.Json;
using FhirEf.Core.Schema;
using Npgsql;

namespace FhirEf.Benchmarks.Search;

/// <summary>
/// EXPLAIN (no ANALYZE) of captured commands, looking for sequential scans of main resource tables
/// (<c>"Observation"</c>, not its <c>_References</c> or <c>_History</c>). Run twice: with the planner's
/// own choice, and with <c>enable_seqscan = off</c>, which tells a cost choice on a small table (an index
/// exists and can be used) from a query shape no index can serve.
/// </summary>
internal static class PlanInspector
{
    private static readonly HashSet<string> MainTables = [.. FhirSchema.R4.Resources.Select(r => r.Main.Name)];

    public static async Task<IReadOnlyList<string>> SequentialScansAsync(
        NpgsqlDataSource dataSource, IEnumerable<CapturedCommand> commands, bool seqScanOff)
    {
        var scanned = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (seqScanOff)
        {
            await using var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction);
            await off.ExecuteNonQueryAsync();
        }

        foreach (var captured in commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + captured.Sql, connection, transaction);
            foreach (var parameter in captured.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            foreach (var root in plan.RootElement.EnumerateArray())
            {
                Collect(root.GetProperty("Plan"), scanned);
            }
        }

        await transaction.RollbackAsync();
        return [.. scanned];
    }

    /// <summary>The text plans (EXPLAIN ANALYZE: the commands run once more) and SQL of the commands, for a reader.</summary>
    public static async Task<string> DescribeAsync(NpgsqlDataSource dataSource, IEnumerable<CapturedCommand> commands)
    {
        var text = new StringBuilder();
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var captured in commands)
        {
            text.AppendLine(captured.Sql);
            text.AppendLine("-- parameters: " + string.Join(", ", captured.Parameters.Select(p => $"{p.ParameterName}={Show(p.Value)}")));
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + captured.Sql, connection);
            foreach (var parameter in captured.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }

            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    private static string Show(object? value) => value is Array array ? "[" + string.Join(", ", array.Cast<object>().Take(5)) + (array.Length > 5 ? ", …]" : "]") : $"{value}";

    private static void Collect(JsonElement node, SortedSet<string> scanned)
    {
        if (node.GetProperty("Node Type").GetString() == "Seq Scan"
            && node.TryGetProperty("Relation Name", out var relation)
            && MainTables.Contains(relation.GetString()!))
        {
            scanned.Add(relation.GetString()!);
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, scanned);
            }
        }
    }
}
