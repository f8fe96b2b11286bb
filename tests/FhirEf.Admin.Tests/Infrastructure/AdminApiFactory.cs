using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>The whole server in memory over the test database <paramref name="connectionString"/> names, writing FHIR resources under <paramref name="projectId"/>.</summary>
public sealed class AdminApiFactory(string connectionString, string projectId, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Fhir", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Fhir:Tenancy:DefaultProjectId", projectId);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
