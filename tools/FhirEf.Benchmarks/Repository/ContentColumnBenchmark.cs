using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// docs/adr/0005: <c>content</c> as <c>text</c> or <c>jsonb</c>. Two scratch tables that differ only in that
/// column's type receive the same resources (single-row INSERTs, <c>writers</c> at a time) and then serve
/// them back by id, each read parsed as the server parses it before answering. Three rounds; the order of
/// the two tables flips every round, so neither always runs first on a warming (or busier) machine.
/// </summary>
internal static class ContentColumnBenchmark
{
    public static async Task RunAsync(string connectionString, int count, int writers)
    {
        var json = SyntheaResources.Take(count).Select(r => r.GetRawText()).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var rounds = new List<object>();
        for (var round = 1; round <= 3; round++)
        {
            foreach (var type in round % 2 == 1 ? new[] { "text", "jsonb" } : ["jsonb", "text"])
            {
                var table = "bench_content_" + type;
                await ExecuteAsync(dataSource, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id text PRIMARY KEY, content {type} NOT NULL)");
                var dbType = type == "text" ? NpgsqlDbType.Text : NpgsqlDbType.Jsonb;
                var (writeSeconds, _) = await ParallelRun.RunAsync(count, writers, async i =>
                {
                    await using var command = dataSource.CreateCommand($"INSERT INTO {table} (id, content) VALUES ($1, $2)");
                    command.Parameters.Add(new NpgsqlParameter { Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    command.Parameters.Add(new NpgsqlParameter { Value = json[i], NpgsqlDbType = dbType });
                    await command.ExecuteNonQueryAsync();
                });
                var (readSeconds, _) = await ParallelRun.RunAsync(count, writers, async i =>
                {
                    await using var command = dataSource.CreateCommand($"SELECT content FROM {table} WHERE id = $1");
                    command.Parameters.Add(new NpgsqlParameter { Value = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    await using var reader = await command.ExecuteReaderAsync();
                    await reader.ReadAsync();
                    using var document = JsonDocument.Parse(reader.GetString(0));
                });
                await using var size = dataSource.CreateCommand($"SELECT pg_total_relation_size('{table}')");
                rounds.Add(new
                {
                    round,
                    type,
                    writesPerSecond = count / writeSeconds,
                    readsPerSecond = count / readSeconds,
                    megabytes = (long)(await size.ExecuteScalarAsync())! / 1048576.0,
                });
            }
        }

        await ExecuteAsync(dataSource, "DROP TABLE IF EXISTS bench_content_text; DROP TABLE IF EXISTS bench_content_jsonb");
        Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "content", resources = count, writers, meanJsonBytes = json.Average(j => j.Length), rounds }));
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
