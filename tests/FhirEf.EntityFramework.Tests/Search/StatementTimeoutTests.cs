using FhirEf.Core.Errors;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// Fhir:Search:StatementTimeoutSeconds bounds every search statement: a search blocked behind a lock (no
/// pg_sleep, so the real search SQL runs) is cancelled after the limit and reported as too costly.
/// </summary>
public sealed class StatementTimeoutTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task A_search_outliving_the_statement_timeout_is_cancelled_with_a_clear_error()
    {
        await using var host = new StorageHost(data.Database, new Dictionary<string, string?> { ["Fhir:Search:StatementTimeoutSeconds"] = "1" });
        await using var connection = await data.Database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "LOCK TABLE \"RiskAssessment\" IN ACCESS EXCLUSIVE MODE";
            await command.ExecuteNonQueryAsync();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SearchTimeoutException>(() => data.SearchAsync(host, "RiskAssessment", "probability=gt0.5"));
        var waited = started.Elapsed;
        await transaction.RollbackAsync();

        Assert.Contains("1 s limit", error.Message, StringComparison.Ordinal);
        Assert.True(waited < TimeSpan.FromSeconds(20), $"The search waited {waited} for a 1 s limit.");
        Assert.Equal("r1", await data.IdsAsync("RiskAssessment", "probability=gt0.5"));
    }
}
