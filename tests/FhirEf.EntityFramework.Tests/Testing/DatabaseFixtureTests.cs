using FhirEf.Testing;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Tests.Testing;

/// <summary>The fixtures every integration test stands on.</summary>
public sealed class DatabaseFixtureTests : IAsyncLifetime
{
    private readonly FhirDatabaseFixture _shared = new();
    private readonly FhirDatabaseFixture _otherShared = new();
    private readonly PrivateDatabaseFixture _private = new();

    [Fact]
    public async Task Fixtures_get_a_migrated_database_and_a_tenant_of_their_own()
    {
        await using var context = _shared.CreateContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.NotEqual(_shared.ProjectId, _otherShared.ProjectId);
        Assert.Equal(_shared.DatabaseName, _otherShared.DatabaseName);
    }

    [Fact]
    public async Task A_private_fixture_gets_an_empty_database_of_its_own()
    {
        await ExecuteAsync(_private, "CREATE TABLE isolation_probe (id int)");

        Assert.NotEqual(_shared.DatabaseName, _private.DatabaseName);
        Assert.Equal(0L, await ScalarAsync<long>(_shared, "SELECT count(*) FROM pg_tables WHERE tablename = 'isolation_probe'"));
        Assert.Equal(0L, await ScalarAsync<long>(_private, "SELECT count(*) FROM \"Patient\""));
    }

    private static async Task ExecuteAsync(FhirDatabaseFixture fixture, string sql)
    {
        await using var command = fixture.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(FhirDatabaseFixture fixture, string sql)
    {
        await using var command = fixture.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync() => await Task.WhenAll(_shared.InitializeAsync(), _otherShared.InitializeAsync(), _private.InitializeAsync());

    public async Task DisposeAsync() => await Task.WhenAll(_shared.DisposeAsync(), _otherShared.DisposeAsync(), _private.DisposeAsync());
}
