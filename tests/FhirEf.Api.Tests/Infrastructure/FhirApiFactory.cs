using FhirEf.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Infrastructure;

/// <summary>The whole server in memory, over the test class's own migrated database.</summary>
public sealed class FhirApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public FhirApiFactory(FhirDatabaseFixture database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        ArgumentNullException.ThrowIfNull(database);
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Fhir"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            // Each fixture writes under a tenant of its own: tests never see each other's resources.
            ["Fhir:Tenancy:DefaultProjectId"] = database.ProjectId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _settings = all;
    }

    /// <summary>A server with settings of its own (for example an embedded cluster instead of the fixture's database).</summary>
    public static FhirApiFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings);

    private FhirApiFactory(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }
}
