using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Hosting;

public sealed class HealthAndMetadataTests : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly FhirApiFactory _factory;

    public HealthAndMetadataTests(FhirDatabaseFixture database) => _factory = new FhirApiFactory(database);

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_with_an_OperationOutcome(string path)
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OperationOutcome", body.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal("information", body.RootElement.GetProperty("issue")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Metadata_returns_an_R4_CapabilityStatement()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CapabilityStatement", body.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal("4.0.1", body.RootElement.GetProperty("fhirVersion").GetString());
        Assert.Equal("server", body.RootElement.GetProperty("rest")[0].GetProperty("mode").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
