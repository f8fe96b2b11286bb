using FhirEf.Testing;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Tests.Testing;

/// <summary>The fixture every integration test stands on: a migrated database per test class, isolated from the others.</summary>
public sealed class DatabaseFixtureTests : IAsyncLifetime
{
    private readonly FhirDatabaseFixture _first = new();
    private readonly FhirDatabaseFixture _second = new();

    [Fact]
    public async Task Each_fixture_gets_a_migrated_database_of_its_own()
    {
        Assert.NotEqual(_first.DatabaseName, _second.DatabaseName);
        await using var context = _first.CreateContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(_first.DatabaseName, await ScalarAsync<string>(_first, "SELECT current_database()"));
    }

    [Fact]
    public async Task Rows_written_in_one_fixture_are_invisible_in_another()
    {
        await ExecuteAsync(_first, "CREATE TABLE isolation_probe (id int); INSERT INTO isolation_probe VALUES (1)");

        Assert.Equal(1L, await ScalarAsync<long>(_first, "SELECT count(*) FROM isolation_probe"));
        Assert.Equal(0L, await ScalarAsync<long>(_second, "SELECT count(*) FROM pg_tables WHERE tablename = 'isolation_probe'"));
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

    public async Task InitializeAsync() => await Task.WhenAll(_first.InitializeAsync(), _second.InitializeAsync());

    public async Task DisposeAsync() => await Task.WhenAll(_first.DisposeAsync(), _second.DisposeAsync());
}
