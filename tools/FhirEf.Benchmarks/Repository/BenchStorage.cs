using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Benchmarks.Repository;

/// <summary>FhirEf's storage services as the server registers them, for one tenant, without HTTP.</summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BenchStorage(string connectionString, string projectId, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddFhirEfStorage();
        services.AddScoped(_ => new TenantContext(projectId));
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public async Task<T> WithRepositoryAsync<T>(Func<IFhirRepository, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IFhirRepository>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
