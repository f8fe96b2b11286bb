using System.Net;
using System.Text;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;
using Npgsql;

namespace FhirEf.Api.Tests.Bulk;

/// <summary>
/// <c>$import</c> in a real server process: kick-off, status polling, the error report, SIGKILL in the
/// middle of a job, and cancellation by DELETE. The resources have no ids, so any batch written twice would show as extra rows.
/// </summary>
public sealed class ImportCrashRecoveryTests(PrivateDatabaseFixture database) : IClassFixture<PrivateDatabaseFixture>, IDisposable
{
    private const int Resources = 30_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("fhiref-import-");

    [Fact]
    public async Task A_server_killed_during_an_import_resumes_it_after_restart_with_exact_counts()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await WriteInputAsync("observations.ndjson", tag);
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Fhir"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "false",
            ["Fhir__Tenancy__DefaultProjectId"] = database.ProjectId,
            ["Fhir__Import__Root"] = _root.FullName,
            ["Fhir__Import__BatchSize"] = "250",
        };

        string statusUrl;
        string firstLog;
        using (var first = ServerProcess.Start(environment))
        {
            Assert.True(await first.WaitUntilReadyAsync(Timeout) == HttpStatusCode.OK, first.Log);
            using var client = new HttpClient { BaseAddress = first.BaseAddress, Timeout = Timeout };
            using var kickOff = await client.PostAsync(new Uri("/fhir/$import", UriKind.Relative), new StringContent(Manifest("observations.ndjson"), Encoding.UTF8, "application/fhir+json"));
            Assert.True(kickOff.StatusCode == HttpStatusCode.Accepted, await kickOff.Content.ReadAsStringAsync());
            statusUrl = kickOff.Content.Headers.ContentLocation?.ToString() ?? string.Join(",", kickOff.Headers.GetValues("Content-Location"));
            await WaitForAsync(async () => await StoredAsync() > 0, first);
            first.KillHard();
            firstLog = first.Log;
        }

        var atKill = await StoredAsync();
        Assert.InRange(atKill, 1, Resources - 1);

        using var second = ServerProcess.Start(environment);
        Assert.True(await second.WaitUntilReadyAsync(Timeout) == HttpStatusCode.OK, second.Log);
        using var secondClient = new HttpClient { Timeout = Timeout };
        var status = new Uri(second.BaseAddress, new Uri(statusUrl).PathAndQuery);
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow + Timeout;
        while ((response = await secondClient.GetAsync(status)).StatusCode == HttpStatusCode.Accepted)
        {
            Assert.True(DateTime.UtcNow < deadline, second.Log);
            Assert.Contains("resources", string.Join(",", response.Headers.GetValues("X-Progress")), StringComparison.Ordinal);
            await Task.Delay(250);
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body + second.Log);
        using var manifest = JsonDocument.Parse(body);
        var stored = await StoredAsync();
        var counted = manifest.RootElement.GetProperty("output")[0].GetProperty("count").GetInt64();
        // An intermittent 29,998 once showed here under CI load; say everything the store knows if it comes back.
        Assert.True(counted == Resources && stored == Resources, $"manifest {counted}, stored {stored}, at kill {atKill}: {body}\n{await JobRowsAsync()}\nfirst server:\n{firstLog}\nsecond server:\n{second.Log}");
        Assert.Equal(Resources, await ScalarAsync("SELECT count(*) FROM \"Observation_History\" WHERE \"projectId\" = $1"));
        Assert.Equal(Resources, await ScalarAsync("SELECT count(DISTINCT content::jsonb->'code'->>'text') FROM \"Observation\" WHERE \"projectId\" = $1"));

        var errorsUrl = manifest.RootElement.GetProperty("error")[0].GetProperty("url").GetString()!;
        var errors = (await secondClient.GetStringAsync(new Uri(second.BaseAddress, new Uri(errorsUrl).PathAndQuery))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Equal("OperationOutcome", JsonDocument.Parse(e).RootElement.GetProperty("resourceType").GetString()));
        Assert.Contains("not valid JSON", errors[0], StringComparison.Ordinal);
        Assert.Contains("NoSuchType", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kick_off_naming_a_file_outside_the_root_is_refused()
    {
        await using var factory = new FhirApiFactory(database, new Dictionary<string, string?> { ["Fhir:Import:Root"] = _root.FullName });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/fhir/$import", UriKind.Relative), new StringContent(Manifest("../etc/passwd"), Encoding.UTF8, "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside the import root", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_import_stops_after_the_batch_in_flight_and_keeps_the_batches_committed_before()
    {
        var tenant = database.ProjectId + "-cancel";
        await WriteInputAsync("cancel.ndjson", Guid.NewGuid().ToString("N")[..8]);
        await using var factory = new FhirApiFactory(database, new Dictionary<string, string?>
        {
            ["Fhir:Import:Root"] = _root.FullName,
            ["Fhir:Import:BatchSize"] = "100",
            ["Fhir:Import:PollSeconds"] = "1",
            ["Fhir:Tenancy:DefaultProjectId"] = tenant,
        });
        using var client = factory.CreateClient();
        using var kickOff = await client.PostAsync(new Uri("/fhir/$import", UriKind.Relative), new StringContent(Manifest("cancel.ndjson"), Encoding.UTF8, "application/fhir+json"));
        Assert.True(kickOff.StatusCode == HttpStatusCode.Accepted, await kickOff.Content.ReadAsStringAsync());
        var status = kickOff.Content.Headers.ContentLocation!.PathAndQuery;
        var deadline = DateTime.UtcNow + Timeout;
        while (await ScalarAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1", tenant) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the import did not start");
            await Task.Delay(50);
        }

        using var cancel = await client.DeleteAsync(new Uri(status, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        // The DELETE waited for the batch in flight to commit: what is stored now is final, and is what the job recorded.
        var atCancel = await ScalarAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1", tenant);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(atCancel, await ScalarAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1", tenant));
        Assert.Equal(atCancel, await ScalarAsync("SELECT sum(resources)::bigint FROM \"_ImportJobInputs\" WHERE \"projectId\" = $1", tenant));
        Assert.InRange(atCancel, 1, Resources - 1);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(status, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(new Uri("/fhir/_import/no-such-job", UriKind.Relative))).StatusCode);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private async Task WriteInputAsync(string name, string tag)
    {
        await using var writer = new StreamWriter(Path.Combine(_root.FullName, name));
        for (var i = 0; i < Resources; i++)
        {
            await writer.WriteLineAsync($$"""{"resourceType":"Observation","status":"final","code":{"text":"{{tag}}-{{i}}"},"valueQuantity":{"value":{{i}},"unit":"mg"} }""");
            if (i == 10)
            {
                await writer.WriteLineAsync("""{"resourceType":"Observation", broken""");
            }

            if (i == 20_000)
            {
                await writer.WriteLineAsync("""{"resourceType":"NoSuchType"}""");
            }
        }
    }

    private static string Manifest(string url) => $$"""
        {"resourceType":"Parameters","parameter":[
          {"name":"inputFormat","valueCode":"application/fhir+ndjson"},
          {"name":"input","part":[{"name":"url","valueUrl":"{{url}}"}]}]}
        """;

    private async Task<string> JobRowsAsync()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT string_agg(format('input %s: position %s, done %s, resources %s, errors %s', ordinal, position, done, resources, errors), '; ') " +
            "FROM \"_ImportJobInputs\" WHERE \"projectId\" = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = database.ProjectId });
        return (await command.ExecuteScalarAsync())?.ToString() ?? "no job inputs";
    }

    private Task<long> StoredAsync() => ScalarAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1");

    private async Task<long> ScalarAsync(string sql, string? projectId = null)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = projectId ?? database.ProjectId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline && !server.HasExited, server.Log);
            await Task.Delay(20);
        }
    }
}
