using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Storage;
using FhirEf.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>
/// A request scope disposes its session once per registration it was resolved through. Sessions lease pooled
/// EF contexts, so a second dispose must not return a context that another request has leased since.
/// </summary>
public sealed class SessionDisposalTests : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly FhirApiFactory _factory;

    public SessionDisposalTests(FhirDatabaseFixture database) => _factory = new FhirApiFactory(database);

    [Fact]
    public async Task A_scope_disposing_its_session_again_leaves_the_context_another_request_leased_since_usable()
    {
        using var client = _factory.CreateClient();
        var first = _factory.Services.CreateAsyncScope();
        var session = first.ServiceProvider.GetRequiredService<FhirSession>();
        Assert.Same(session, first.ServiceProvider.GetRequiredService<IFhirUnitOfWork>());
        Assert.Same(session, first.ServiceProvider.GetRequiredService<IFhirDbContextSource>());
        var leasedFirst = await session.ContextAsync(CancellationToken.None);
        await session.DisposeAsync();

        await using var second = _factory.Services.CreateAsyncScope();
        var leasedSecond = await second.ServiceProvider.GetRequiredService<FhirSession>().ContextAsync(CancellationToken.None);
        Assert.Same(leasedFirst, leasedSecond);
        await first.DisposeAsync();

        Assert.Equal(1, await leasedSecond.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task A_disposed_session_opens_no_new_connection()
    {
        using var client = _factory.CreateClient();
        await using var scope = _factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<FhirSession>();
        await session.ConnectionAsync(CancellationToken.None);
        await session.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await session.ConnectionAsync(CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
