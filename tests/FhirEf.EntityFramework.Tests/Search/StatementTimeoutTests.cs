using FhirEf.Core.Errors;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// Fhir:Search:StatementTimeoutSeconds bounds every search statement: a search blocked behind a lock (no
/// pg_sleep, so the real search SQL runs) is cancelled and reported as too costly. Npgsql cancels the
/// statement in the server when the command timeout expires; on a loaded machine the cancel round trip
/// can add seconds, so the test proves the cancellation, not its latency.
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

        // The lock is held until the rollback below, so the search can only return by being cancelled.
        var error = await Assert.ThrowsAsync<SearchTimeoutException>(() => data.SearchAsync(host, "RiskAssessment", "probability=gt0.5"));
        await transaction.RollbackAsync();

        Assert.Contains("1 s limit", error.Message, StringComparison.Ordinal);
        Assert.Equal("r1", await data.IdsAsync("RiskAssessment", "probability=gt0.5"));
    }
}
