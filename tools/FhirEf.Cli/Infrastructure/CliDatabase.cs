using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Embedded;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// The database a CLI command works on: the server's configuration, and its embedded cluster when no
/// connection string is set (shared with a running server, or started for the command and stopped after).
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly FhirDatabaseEndpoint _endpoint;

    private CliDatabase(FhirDatabaseEndpoint endpoint) => _endpoint = endpoint;

    public string ConnectionString => _endpoint.ConnectionString;

    public static async Task<CliDatabase> OpenAsync(CancellationToken cancellationToken)
    {
        var root = FhirEfRoot.Find();
        var endpoint = FhirDatabaseEndpoint.FromConfiguration(FhirEfConfiguration.Build(root), root);
        await endpoint.StartAsync(cancellationToken);
        return new CliDatabase(endpoint);
    }

    /// <summary>A database given by its connection string, whatever the configuration says (tests).</summary>
    public static CliDatabase Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new CliDatabase(new FhirDatabaseEndpoint(
            connectionString, new DatabaseOptions(), new EmbeddedPostgresOptions(), Directory.GetCurrentDirectory()));
    }

    public FhirDbContext CreateContext() => new(FhirDbContextOptionsFactory.Create(ConnectionString));

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();
}
