using System.CommandLine;
using System.Text.Json;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;
using Spectre.Console;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref stats [--json] [--project P]</c>: live resources per type (exact counts), and each type's table and
/// index sizes (main, history, references together), for the types that hold anything; totals last.
/// </summary>
internal static class StatsCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table." };
        var project = new Option<string?>("--project") { Description = "Count only this tenant's resources (sizes are always of the whole tables)." };
        var command = new Command("stats", "Resources per type, table and index sizes.") { json, project };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var database = await openDatabase(cancellationToken);
            await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
            var rows = new List<TypeStats>();
            foreach (var resource in FhirSchema.R4.Resources)
            {
                var stats = await ReadAsync(dataSource, resource, parseResult.GetValue(project), cancellationToken);
                if (stats.Resources > 0 || stats.History > 0)
                {
                    rows.Add(stats);
                }
            }

            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { types = rows, totals = new { resources = rows.Sum(r => r.Resources), tableBytes = rows.Sum(r => r.TableBytes), indexBytes = rows.Sum(r => r.IndexBytes) } },
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("type", "resources", "versions", "table", "indexes");
            foreach (var row in rows)
            {
                table.AddRow(row.Type, $"{row.Resources:N0}", $"{row.History:N0}", Size(row.TableBytes), Size(row.IndexBytes));
            }

            table.AddRow("total", $"{rows.Sum(r => r.Resources):N0}", $"{rows.Sum(r => r.History):N0}", Size(rows.Sum(r => r.TableBytes)), Size(rows.Sum(r => r.IndexBytes)));
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<TypeStats> ReadAsync(NpgsqlDataSource dataSource, ResourceTableSchema resource, string? projectId, CancellationToken cancellationToken)
    {
        var main = SqlIdentifier.Quote(resource.Main.Name);
        var history = SqlIdentifier.Quote(resource.History.Name);
        await using var command = dataSource.CreateCommand($"""
            SELECT (SELECT count(*) FROM {main} WHERE NOT deleted AND ($1::text IS NULL OR "projectId" = $1)),
                   (SELECT count(*) FROM {history} WHERE $1::text IS NULL OR "projectId" = $1),
                   (SELECT sum(pg_table_size(t)) FROM unnest($2::text[]::regclass[]) AS t),
                   (SELECT sum(pg_indexes_size(t)) FROM unnest($2::text[]::regclass[]) AS t)
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)projectId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Value = new[] { main, history, SqlIdentifier.Quote(resource.References.Name) } });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TypeStats(resource.ResourceType, reader.GetInt64(0), reader.GetInt64(1), (long)reader.GetDecimal(2), (long)reader.GetDecimal(3));
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):N1} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):N1} MB",
        _ => $"{bytes / 1024.0:N0} kB",
    };

    private sealed record TypeStats(string Type, long Resources, long History, long TableBytes, long IndexBytes);
}
