using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FhirEf.Testing;

/// <summary>
/// One migrated database per build of the migrations, used as the template of every test database:
/// creating the full schema takes seconds, copying it takes a fraction of one.
/// </summary>
internal static class TemplateDatabase
{
    private const long AdvisoryLockKey = 0x46_68_69_72_45_66; // "FhirEf": serialises template creation across processes.

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _name;

    /// <summary>The template's name changes with every build of the migrations assembly (deterministic MVID).</summary>
    public static string Name { get; } =
        "fhiref_tpl_" + typeof(Migrations.FhirDbContextFactory).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];

    public static async Task<string> EnsureAsync(TestPostgresServer.Server server)
    {
        if (_name is not null)
        {
            return _name;
        }

        await Gate.WaitAsync();
        try
        {
            if (_name is null)
            {
                await CreateIfMissingAsync(server);
                _name = Name;
            }

            return _name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task CreateIfMissingAsync(TestPostgresServer.Server server)
    {
        await using var connection = new NpgsqlConnection(server.MaintenanceConnectionString);
        await connection.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        if (await DatabaseAdmin.ExistsAsync(connection, Name))
        {
            return;
        }

        if (server.IsEmbedded)
        {
            // The cluster is ours alone: leftovers of earlier builds and runs only take space.
            await DatabaseAdmin.DropMatchingAsync(connection, "fhiref_tpl_%");
            await DatabaseAdmin.DropMatchingAsync(connection, "fhiref_t_%");
            await DatabaseAdmin.DropMatchingAsync(connection, "fhiref_run_%");
        }

        // Build under a temporary name so a crash never leaves a half-migrated template behind.
        var building = Name + "_building";
        await DatabaseAdmin.DropAsync(connection, building);
        await DatabaseAdmin.CreateAsync(connection, building, template: null);
        var buildingConnection = server.ConnectionString(building);
        await using (var context = new FhirDbContext(FhirDbContextOptionsFactory.Create(buildingConnection)))
        {
            await context.Database.MigrateAsync();
        }

        // The rename needs the building database free of (pooled) connections.
        await using (var pooled = new NpgsqlConnection(buildingConnection))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var rename = new NpgsqlCommand(
            $"ALTER DATABASE {SqlIdentifier.Quote(building)} RENAME TO {SqlIdentifier.Quote(Name)}", connection);
        await rename.ExecuteNonQueryAsync();
    }
}
