using FhirEf.Core.Abstractions;
using FhirEf.Core.Configuration;
using FhirEf.Core.Indexing;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// The server's storage services over a CLI database, composed as the server composes them
/// (<see cref="FhirEfPostgresServiceCollectionExtensions.AddFhirEfStorage"/>) and configured from the
/// top-level appsettings.json, for the commands that import, generate, reindex or export.
/// </summary>
internal sealed class CliStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliStorage(ServiceProvider services) => _services = services;

    /// <summary>The services; scoped ones (repository, session, bulk writer) through <see cref="CreateScope"/>.</summary>
    public IServiceProvider Services => _services;

    public NpgsqlDataSource DataSource => _services.GetRequiredService<NpgsqlDataSource>();

    public NpgsqlJobStore Jobs => _services.GetRequiredService<NpgsqlJobStore>();

    public Reindexer Reindexer => _services.GetRequiredService<Reindexer>();

    public BulkExporter Exporter => _services.GetRequiredService<BulkExporter>();

    public IResourceIndexer Indexer => _services.GetRequiredService<IResourceIndexer>();

    /// <summary>The tenant commands act in unless told otherwise: <c>Fhir:Tenancy:DefaultProjectId</c>, as the server.</summary>
    public string DefaultProjectId => _services.GetRequiredService<IConfiguration>()["Fhir:Tenancy:DefaultProjectId"] ?? TenantContext.DefaultProjectId;

    /// <summary>Storage over <paramref name="database"/>; scopes act in <paramref name="projectId"/> (default: the configured project).</summary>
    public static CliStorage Create(CliDatabase database, string? projectId = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var root = FhirEfRoot.Find();
        var configuration = FhirEfConfiguration.Build(root);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(_ => FhirDataSource.Create(database.ConnectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddFhirEfStorage();
        var tenant = projectId ?? configuration["Fhir:Tenancy:DefaultProjectId"] ?? TenantContext.DefaultProjectId;
        services.AddScoped(_ => new TenantContext(tenant));
        services.AddSingleton<NpgsqlJobStore>();
        services.AddSingleton<Reindexer>();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BulkExporter>(sp, root));
        return new CliStorage(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
