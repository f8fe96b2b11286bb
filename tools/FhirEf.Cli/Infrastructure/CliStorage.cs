using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// The server's storage services over a CLI database, composed as the server composes them
/// (<see cref="FhirEfPostgresServiceCollectionExtensions.AddFhirEfStorage"/>), for commands that reindex or export.
/// </summary>
internal sealed class CliStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliStorage(ServiceProvider services) => _services = services;

    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    public NpgsqlJobStore Jobs => _services.GetRequiredService<NpgsqlJobStore>();

    public Reindexer Reindexer => _services.GetRequiredService<Reindexer>();

    public BulkExporter Exporter => _services.GetRequiredService<BulkExporter>();

    /// <summary>The tenant commands act in unless told otherwise: <c>Fhir:Tenancy:DefaultProjectId</c>, as the server.</summary>
    public string DefaultProjectId => _services.GetRequiredService<IConfiguration>()["Fhir:Tenancy:DefaultProjectId"] ?? Core.Abstractions.TenantContext.DefaultProjectId;

    public static CliStorage Create(CliDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var root = FhirEfRoot.Find();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(FhirEfConfiguration.Build(root));
        services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddFhirEfStorage();
        services.AddSingleton<NpgsqlJobStore>();
        services.AddSingleton<Reindexer>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BulkExporter>(sp, root));
        return new CliStorage(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
