using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Sql;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>
/// After a bulk operation, the tables it changed a good part of are analysed at once (autovacuum's rule,
/// without its delay), and those it barely touched are left to autovacuum. Linkage is a type no other test writes.
/// </summary>
public sealed class TableStatisticsTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);

    [Fact]
    public async Task A_table_that_took_many_rows_is_analysed_and_one_that_took_few_more_is_not_analysed_again()
    {
        var resources = Enumerable.Range(0, 120)
            .Select(i => TestData.Parse($$$"""{"resourceType":"Linkage","id":"stats-{{{i}}}","item":[{"type":"source","resource":{"reference":"Patient/p{{{i}}}"} }]}"""))
            .ToList();
        await using (var scope = _host.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IFhirBulkWriter>().WriteAsync(resources, BulkWriteOptions.None, default);
        }

        await RefreshAsync(120);
        var first = await LastAnalyzedAsync();
        await RefreshAsync(1);

        Assert.NotNull(first.Main);
        Assert.NotNull(first.References);
        Assert.Equal(first, await LastAnalyzedAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task RefreshAsync(long written)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await TableStatistics.RefreshAsync(connection, FhirSchema.R4, new Dictionary<string, long> { ["Linkage"] = written }, lookups: false, default);
    }

    private async Task<(DateTime? Main, DateTime? References)> LastAnalyzedAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT (SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'Linkage'), (SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'Linkage_References')");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? null : reader.GetDateTime(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }
}
