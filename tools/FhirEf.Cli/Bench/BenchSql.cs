using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;

namespace FhirEf.Cli.Bench;

/// <summary>The few statements the bench scenarios run around the measured work.</summary>
internal static class BenchSql
{
    /// <summary>The resource types the tenant holds rows of.</summary>
    public static async Task<List<string>> TypesAsync(NpgsqlDataSource dataSource, string projectId, CancellationToken cancellationToken)
    {
        var types = new List<string>();
        foreach (var resource in FhirSchema.R4.Resources)
        {
            await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {SqlIdentifier.Quote(resource.Main.Name)} WHERE \"projectId\" = $1)");
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                types.Add(resource.ResourceType);
            }
        }

        return types;
    }

    public static async Task<int> ExecuteAsync(NpgsqlDataSource dataSource, string sql, string? projectId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        if (projectId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = projectId });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes every row of the tenants (main, history, references, lookups), so a bench leaves nothing behind.</summary>
    public static async Task DeleteTenantsAsync(NpgsqlDataSource dataSource, IReadOnlyList<string> projectIds, CancellationToken cancellationToken)
    {
        foreach (var table in FhirSchema.R4.Tables)
        {
            await using var command = dataSource.CreateCommand($"DELETE FROM {SqlIdentifier.Quote(table.Name)} WHERE \"projectId\" = ANY($1)");
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter { Value = projectIds.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
