using FhirEf.Core.Abstractions;
using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// The server's storage services (repository, bulk writer, session) over a CLI database, in one tenant,
/// configured from the top-level appsettings.json as the server is.
/// </summary>
internal static class CliStorage
{
    public static ServiceProvider Build(CliDatabase database, string projectId)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(FhirEfConfiguration.Build(FhirEfRoot.Find()));
        services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        services.AddFhirEfStorage();
        services.AddScoped(_ => new TenantContext(projectId));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
