using System.Net;
using System.Text;
using FhirEf.Api.Tests.Bundles;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>
/// SIGTERM while a request is in flight: the server stops taking new work but finishes the request,
/// commits it, answers it, and exits with 0. The request is held in flight deterministically: its body
/// is sent in two halves and the second half only goes once the server has logged that it is shutting down.
/// </summary>
public sealed class GracefulShutdownTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Request_in_flight_when_SIGTERM_arrives_completes_and_its_writes_are_kept()
    {
        using var server = ServerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Fhir"] = database.ConnectionString,
            ["Database__MigrateOnStartup"] = "false",
            ["Fhir__Tenancy__DefaultProjectId"] = database.ProjectId,
        });
        Assert.True(await server.WaitUntilReadyAsync(Timeout) == HttpStatusCode.OK, server.Log);
        var builder = new BundleBuilder("transaction");
        for (var i = 0; i < 50; i++)
        {
            builder.Entry("POST", "Basic", $$$"""{"resourceType":"Basic","code":{"text":"shutdown-{{{i}}}"}}""");
        }

        var body = Encoding.UTF8.GetBytes(builder.Build());
        var content = new TwoPartContent(body);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Timeout };
        var sending = client.PostAsync(new Uri("/fhir", UriKind.Relative), content);

        await content.FirstHalfSent.WaitAsync(Timeout);
        await server.SignalTerminateAsync();
        await WaitForAsync(() => server.Log.Contains("Application is shutting down", StringComparison.Ordinal), server);
        content.SendRest();
        using var response = await sending;

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{server.Log}");
        Assert.Equal(0, await server.WaitForExitAsync(Timeout));
        Assert.Equal(50, await StoredRows.VersionsAsync(database));
    }

    private static async Task WaitForAsync(Func<bool> condition, ServerProcess server)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline && !server.HasExited, server.Log);
            await Task.Delay(50);
        }
    }

    /// <summary>A body sent in two halves; the second waits for <see cref="SendRest"/>.</summary>
    private sealed class TwoPartContent : HttpContent
    {
        private readonly byte[] _body;
        private readonly TaskCompletionSource _firstHalfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _rest = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TwoPartContent(byte[] body)
        {
            _body = body;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(FhirHttp.FhirJson);
        }

        public Task FirstHalfSent => _firstHalfSent.Task;

        public void SendRest() => _rest.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = _body.Length / 2;
            await stream.WriteAsync(_body.AsMemory(0, half));
            await stream.FlushAsync();
            _firstHalfSent.TrySetResult();
            await _rest.Task;
            await stream.WriteAsync(_body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }
    }
}
