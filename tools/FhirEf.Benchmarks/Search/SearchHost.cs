using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.Benchmarks.Search;

/// <summary>
/// The search service as the server registers it (<c>AddFhirEfStorage</c>: a scoped session with its own
/// connection from the pool and a fresh <see cref="FhirDbContext"/> per request), for one tenant, with
/// the default <c>Fhir:Search</c> options. With a <see cref="CommandCapture"/>, the session's contexts
/// carry it as an interceptor.
/// </summary>
internal sealed class SearchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SearchHost(NpgsqlDataSource dataSource, string projectId, CommandCapture? capture = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(dataSource);
        if (capture is not null)
        {
            // Registered before AddFhirEfStorage, whose TryAdd then keeps it.
            services.AddSingleton(new DbContextOptionsBuilder<FhirDbContext>(FhirEfPostgresServiceCollectionExtensions.SessionContextOptions(FhirSchema.R4))
                .AddInterceptors(capture).Options);
        }

        services.AddFhirEfStorage();
        services.AddScoped(_ => new TenantContext(projectId));
        _services = services.BuildServiceProvider();
    }

    /// <summary>One request: a new scope (session, connection, context), the search, the scope disposed.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFhirSearchService>().SearchAsync(request, default);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
