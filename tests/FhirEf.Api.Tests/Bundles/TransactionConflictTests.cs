using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;
using Npgsql;

namespace FhirEf.Api.Tests.Bundles;

/// <summary>
/// A transaction that deadlocks with another database session is rolled back and answered 409
/// (https://hl7.org/fhir/R4/http.html#concurrency), so the client can retry it. The deadlock is built
/// deterministically: the test's session locks A, the transaction locks B and waits for A, the session
/// then asks for B; PostgreSQL's detector aborts the transaction, whose deadlock_timeout is the shorter.
/// </summary>
public sealed class TransactionConflictTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Transaction_that_deadlocks_is_409_and_writes_nothing()
    {
        await Client.PutAsync("/fhir/Patient/lock-a", """{"resourceType":"Patient","id":"lock-a"}""");
        await Client.PutAsync("/fhir/Patient/lock-b", """{"resourceType":"Patient","id":"lock-b"}""");
        await using var session = await Database.DataSource.OpenConnectionAsync();
        await Execute(session, "SET deadlock_timeout = '30s'");
        await using var locks = await session.BeginTransactionAsync();
        await Execute(session, $"SELECT 1 FROM \"Patient\" WHERE \"projectId\" = '{Database.ProjectId}' AND id = 'lock-a' FOR UPDATE");
        var bundle = new BundleBuilder("transaction")
            .Entry("PUT", "Patient/lock-b", """{"resourceType":"Patient","id":"lock-b","active":true}""")
            .Entry("PUT", "Patient/lock-a", """{"resourceType":"Patient","id":"lock-a","active":true}""")
            .Build();

        var sending = Client.PostAsync("/fhir", bundle);
        await WaitForAnotherSessionWaitingOnALockAsync(session);
        var secondLock = Execute(session, $"SELECT 1 FROM \"Patient\" WHERE \"projectId\" = '{Database.ProjectId}' AND id = 'lock-b' FOR UPDATE");
        var response = await sending;
        await secondLock;
        await locks.RollbackAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("conflict", await response.IssueCodeAsync());
        Assert.Equal("W/\"1\"", (await Client.GetAsync("/fhir/Patient/lock-b")).Headers.ETag?.ToString());
    }

    private async Task WaitForAnotherSessionWaitingOnALockAsync(NpgsqlConnection session)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'", session);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the transaction never waited for the lock");
            await Task.Delay(20);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
