using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace FhirEf.Migrations;

/// <summary>
/// Lets <c>dotnet ef</c> create the context: it reads the top-level appsettings.json and the environment
/// (so <c>ConnectionStrings__Fhir</c> points it at your PostgreSQL). With no connection string it starts
/// the embedded cluster, as the server would, and stops it when the tool exits.
/// </summary>
public sealed class FhirDbContextFactory : IDesignTimeDbContextFactory<FhirDbContext>
{
    public FhirDbContext CreateDbContext(string[] args)
    {
        var root = FhirEfRoot.Find();
        var configuration = FhirEfConfiguration.Build(root);
        var endpoint = FhirDatabaseEndpoint.FromConfiguration(configuration, root);
        if (endpoint.IsEmbedded)
        {
            endpoint.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => endpoint.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return new FhirDbContext(FhirDbContextOptionsFactory.Create(endpoint.ConnectionString));
    }
}
