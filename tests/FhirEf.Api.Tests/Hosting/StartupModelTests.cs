using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Storage;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>
/// The server builds its EF Core model once: the model <see cref="FhirDatabaseStartup"/> builds while
/// PostgreSQL starts is the one the pooled context (migrations, health) and the request sessions use.
/// </summary>
public sealed class StartupModelTests : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly FhirApiFactory _factory;

    public StartupModelTests(FhirDatabaseFixture database) => _factory = new FhirApiFactory(database);

    [Fact]
    public async Task The_pooled_context_and_the_sessions_use_the_model_built_at_start()
    {
        using var client = _factory.CreateClient();
        await using var scope = _factory.Services.CreateAsyncScope();
        var pooled = scope.ServiceProvider.GetRequiredService<FhirDbContext>();
        var session = await scope.ServiceProvider.GetRequiredService<FhirSession>().ContextAsync(CancellationToken.None);
        using var startup = new FhirDbContext(FhirEfPostgresServiceCollectionExtensions.SessionContextOptions(FhirSchema.R4));

        Assert.Same(startup.Model, pooled.Model);
        Assert.Same(startup.Model, session.Model);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
