using FhirEf.EntityFramework.Npgsql.Embedded;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>
/// Where FhirEf's database is: <c>ConnectionStrings:Fhir</c> when set (it always wins), otherwise the
/// embedded cluster, which this type starts and stops.
/// </summary>
public sealed class FhirDatabaseEndpoint : IAsyncDisposable
{
    private readonly string? _configuredConnectionString;

    public FhirDatabaseEndpoint(
        string? connectionString,
        DatabaseOptions database,
        EmbeddedPostgresOptions embedded,
        string rootDirectory,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(embedded);
        _configuredConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        if (_configuredConnectionString is null)
        {
            Cluster = new EmbeddedPostgresCluster(embedded, rootDirectory,
                (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<EmbeddedPostgresCluster>());
        }

        MigrateOnStartup = database.MigrateOnStartup ?? IsEmbedded;
    }

    /// <summary>For hosts without dependency injection (the CLI, the design-time factory).</summary>
    public static FhirDatabaseEndpoint FromConfiguration(IConfiguration configuration, string rootDirectory, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new FhirDatabaseEndpoint(
            configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
            configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions(),
            configuration.GetSection(EmbeddedPostgresOptions.SectionName).Get<EmbeddedPostgresOptions>() ?? new EmbeddedPostgresOptions(),
            rootDirectory,
            loggerFactory);
    }

    public EmbeddedPostgresCluster? Cluster { get; }

    public bool IsEmbedded => Cluster is not null;

    public bool MigrateOnStartup { get; }

    /// <summary>The connection string; for the embedded cluster, valid once it has started.</summary>
    public string ConnectionString => _configuredConnectionString ?? Cluster!.ConnectionString();

    public Task StartAsync(CancellationToken cancellationToken) =>
        Cluster?.StartAsync(cancellationToken) ?? Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        Cluster?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
