using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.EntityFramework.Npgsql.Embedded;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>A server killed with SIGKILL leaves its embedded PostgreSQL running; the next start recovers it.</summary>
public sealed class EmbeddedDatabaseRecoveryTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Server_killed_with_SIGKILL_starts_again_on_its_embedded_cluster_and_stops_it_on_SIGTERM()
    {
        var dataDirectory = Path.Combine(TestPostgresServer.RootDirectory, ".data", "test", "server-process");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Fhir"] = string.Empty,
            ["Database__Embedded__DataDirectory"] = dataDirectory,
            ["Database__Embedded__Port"] = "0",
            ["Database__Embedded__Ephemeral"] = "true",
            // The schema is not what this test is about; migrating would only slow it down.
            ["Database__MigrateOnStartup"] = "false",
        };
        // Where the cluster really lives (it may move when the OS user cannot reach the configured folder).
        var pidFile = Path.Combine(
            new EmbeddedPostgresCluster(new EmbeddedPostgresOptions { DataDirectory = dataDirectory }, TestPostgresServer.RootDirectory).DataDirectory,
            "postmaster.pid");

        using (var first = ServerProcess.Start(environment))
        {
            Assert.True(await first.WaitUntilReadyAsync(StartTimeout) == HttpStatusCode.OK, first.Log);
            first.KillHard();
        }

        Assert.True(File.Exists(pidFile), "the killed server's cluster should still be running");

        using var second = ServerProcess.Start(environment);
        Assert.True(await second.WaitUntilReadyAsync(StartTimeout) == HttpStatusCode.OK, second.Log);
        Assert.Contains("Recovering the embedded PostgreSQL", second.Log, StringComparison.Ordinal);
        using (var client = new HttpClient { BaseAddress = second.BaseAddress })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(0, await second.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.False(File.Exists(pidFile), "a graceful stop should stop the embedded cluster");
    }
}
