using FhirEf.EntityFramework.Npgsql.Sql;
using Npgsql;

namespace FhirEf.Testing;

/// <summary>CREATE/DROP DATABASE for test isolation (DDL takes no parameters: names are quoted).</summary>
internal static class DatabaseAdmin
{
    public static async Task<bool> ExistsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = name } },
        };
        return await command.ExecuteScalarAsync() is not null;
    }

    public static async Task CreateAsync(NpgsqlConnection connection, string name, string? template)
    {
        var sql = $"CREATE DATABASE {SqlIdentifier.Quote(name)}";
        if (template is not null)
        {
            sql += $" TEMPLATE {SqlIdentifier.Quote(template)}";
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {SqlIdentifier.Quote(name)} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropMatchingAsync(NpgsqlConnection connection, string likePattern)
    {
        var names = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE $1", connection)
        {
            Parameters = { new() { Value = likePattern } },
        })
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await DropAsync(connection, name);
        }
    }
}
