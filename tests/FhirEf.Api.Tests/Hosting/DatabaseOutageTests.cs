using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>The server on its own embedded cluster, which the test stops and starts under it.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly FhirApiFactory _factory = FhirApiFactory.WithSettings(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Fhir"] = string.Empty,
        ["Database:Embedded:DataDirectory"] = Path.Combine(TestPostgresServer.RootDirectory, ".data", "test", "outage"),
        ["Database:Embedded:Port"] = "0",
        ["Database:Embedded:Ephemeral"] = "true",
    });

    [Fact]
    public async Task Ready_answers_503_with_a_reason_while_the_database_is_down_and_recovers_when_it_is_back()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetReadyAsync(client)).Status);
        var cluster = _factory.Services.GetRequiredService<FhirDatabaseEndpoint>().Cluster!;

        await cluster.StopAsync();
        var down = await GetReadyAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("OperationOutcome", down.Body.GetProperty("resourceType").GetString());
        var issue = down.Body.GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Contains("database is unreachable", issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);

        await cluster.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetReadyAsync(client)).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
