using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>An exception nobody expected becomes a 500 OperationOutcome with a correlation id, no internals, and a log line with the id.</summary>
public sealed class UnexpectedErrorTests : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly CollectingLoggerProvider _logs = new();
    private readonly FhirApiFactory _factory;

    public UnexpectedErrorTests(FhirDatabaseFixture database)
    {
        _factory = new FhirApiFactory(database, services: services =>
        {
            services.Replace(ServiceDescriptor.Scoped<IFhirRepository, BrokenRepository>());
            services.AddSingleton<ILoggerProvider>(_logs);
        });
    }

    [Fact]
    public async Task Unexpected_exception_is_a_500_OperationOutcome_with_a_correlation_id_that_the_log_names()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/fhir/Patient/any", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        var issue = JsonDocument.Parse(text).RootElement.GetProperty("issue")[0];
        Assert.Equal("exception", issue.GetProperty("code").GetString());
        Assert.Contains(requestId, issue.GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("BrokenRepository", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(requestId, StringComparison.Ordinal) && line.EndsWith("| InvalidOperationException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unexpected_exception_in_a_batch_entry_is_that_entrys_500_and_the_batch_answers()
    {
        using var client = _factory.CreateClient();
        const string bundle = """{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"GET","url":"Patient/1"}}]}""";

        var response = await client.PostAsync(new Uri("/fhir", UriKind.Relative), FhirHttp.Json(bundle));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = (await response.BodyAsync()).GetProperty("entry")[0].GetProperty("response").GetProperty("status").GetString();
        Assert.Equal("500 Internal Server Error", status);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A repository that fails the way a bug would.</summary>
    private sealed class BrokenRepository : IFhirRepository
    {
        public Task<WriteResult> CreateAsync(System.Text.Json.JsonElement resource, WriteOptions options, CancellationToken cancellationToken) => throw Bug();

        public Task<WriteResult> UpdateAsync(string resourceType, string id, System.Text.Json.JsonElement resource, WriteOptions options, CancellationToken cancellationToken) => throw Bug();

        public Task<WriteResult> DeleteAsync(string resourceType, string id, WriteOptions options, CancellationToken cancellationToken) => throw Bug();

        public Task<ResourceVersion?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken) => throw Bug();

        public Task<ResourceVersion?> ReadVersionAsync(string resourceType, string id, int versionId, CancellationToken cancellationToken) => throw Bug();

        public Task<bool> ExistsAsync(string resourceType, string id, CancellationToken cancellationToken) => throw Bug();

        public Task<HistoryPage> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken) => throw Bug();

        public Task<int> ExpungeAsync(string resourceType, string id, CancellationToken cancellationToken) => throw Bug();

        private static InvalidOperationException Bug() => new("BrokenRepository: a bug");
    }
}
