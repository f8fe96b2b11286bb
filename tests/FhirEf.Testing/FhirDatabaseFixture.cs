using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Npgsql;
using Xunit;

namespace FhirEf.Testing;

/// <summary>
/// A migrated database of its own for one test class (<c>IClassFixture&lt;FhirDatabaseFixture&gt;</c>),
/// copied from the template and dropped afterwards. Tests inside the class isolate their rows with
/// unique ids or tags.
/// </summary>
public sealed class FhirDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public string DatabaseName { get; } = "fhiref_t_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public FhirDbContext CreateContext() => new(FhirDbContextOptionsFactory.Create(ConnectionString));

    public async Task InitializeAsync()
    {
        var server = await TestPostgresServer.GetAsync();
        var template = await TemplateDatabase.EnsureAsync(server);
        await using (var connection = new NpgsqlConnection(server.MaintenanceConnectionString))
        {
            await connection.OpenAsync();
            await DatabaseAdmin.CreateAsync(connection, DatabaseName, template);
        }

        ConnectionString = server.ConnectionString(DatabaseName);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        var server = await TestPostgresServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.MaintenanceConnectionString);
        await connection.OpenAsync();
        await DatabaseAdmin.DropAsync(connection, DatabaseName);
    }
}
