using Npgsql;

namespace FhirEf.Testing;

/// <summary>
/// The migrated databases of this test process. Copying the template costs seconds (the empty schema
/// has thousands of index files), so the process shares one copy and fixtures isolate their rows by
/// tenant (<see cref="FhirDatabaseFixture.ProjectId"/>); a private copy is for tests that need an empty database.
/// </summary>
public static class TestDatabases
{
    private static readonly Lazy<Task<string>> Shared = new(() => CreateCopyAsync("fhiref_run_" + Environment.ProcessId));

    /// <summary>Connection string of the database this process's fixtures share.</summary>
    public static Task<string> SharedAsync() => Shared.Value;

    /// <summary>A fresh, empty, migrated database; drop it with <see cref="DropAsync"/>.</summary>
    public static async Task<string> CreatePrivateAsync() =>
        await CreateCopyAsync("fhiref_t_" + Guid.NewGuid().ToString("N")[..16]);

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var server = await TestPostgresServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.MaintenanceConnectionString);
        await connection.OpenAsync();
        await DatabaseAdmin.DropAsync(connection, name);
    }

    private static async Task<string> CreateCopyAsync(string name)
    {
        var server = await TestPostgresServer.GetAsync();
        var template = await TemplateDatabase.EnsureAsync(server);
        await using (var connection = new NpgsqlConnection(server.MaintenanceConnectionString))
        {
            await connection.OpenAsync();
            await DatabaseAdmin.DropAsync(connection, name);
            await DatabaseAdmin.CreateAsync(connection, name, template);
        }

        var connectionString = server.ConnectionString(name);
        if (name.StartsWith("fhiref_run_", StringComparison.Ordinal))
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAsync(connectionString).GetAwaiter().GetResult();
        }

        return connectionString;
    }
}
