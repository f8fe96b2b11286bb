using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Testing;

/// <summary>
/// The storage services (repository, session, cache, retry) over a fixture's database, as the server
/// wires them, without HTTP. Each <see cref="CreateScope"/> is one "request" in the fixture's tenant.
/// </summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="configure">Registrations made before the storage services, which then keep them (they are added only when absent).</param>
    public StorageHost(FhirDatabaseFixture database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ProjectId = database.ProjectId;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(_ => NpgsqlDataSource.Create(database.ConnectionString));
        configure?.Invoke(services);
        services.AddFhirEfStorage();
        services.AddScoped(_ => new TenantContext(ProjectId));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string ProjectId { get; }

    public IServiceProvider Services => _services;

    public AsyncServiceScope CreateScope() => _services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> with a repository of a fresh scope.</summary>
    public async Task<T> WithRepositoryAsync<T>(Func<IFhirRepository, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<IFhirRepository>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
