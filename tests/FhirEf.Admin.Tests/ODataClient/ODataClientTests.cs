using System.Diagnostics;
using System.Globalization;
using FhirEf.Admin.Tests.Infrastructure;
using FhirEf.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.ODataClient;

/// <summary>
/// A real OData client over real HTTP: the server listens on a free loopback port (Kestrel) over the
/// fixture's Synthea data, and <c>node tests/odata-client/odata-client.test.mjs</c> (the npm package
/// <c>@odata/client</c>, with <c>odata-csdl</c> for <c>$metadata</c>) reads the metadata, filters and pages
/// with an admin token. Its expected filter count comes from the bundle JSON. Needs <c>node</c> and
/// <c>npm</c> (tools/test.sh installs them when missing); the packages are installed here with
/// <c>npm ci</c> from the committed lock file when the folder has none.
/// </summary>
public sealed class ODataClientTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    private static readonly string ClientFolder = Path.Combine(TestPostgresServer.RootDirectory, "tests", "odata-client");

    [Fact]
    public async Task Odata_client_reads_metadata_filters_and_follows_next_links_to_the_end()
    {
        await using var factory = new AdminApiFactory(server.ConnectionString, server.ProjectA, server.Settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        var expected = Expected.Where("Observation", o => Expected.FirstCode(o, "code") == "8302-2");
        await EnsurePackagesAsync();

        var (exitCode, output) = await RunAsync("node", ["odata-client.test.mjs"], new Dictionary<string, string>
        {
            ["ODATA_SERVICE_ROOT"] = address.TrimEnd('/') + "/odata/",
            ["ODATA_TOKEN"] = server.Token([server.ProjectA]),
            ["ODATA_SET"] = "Observation",
            ["ODATA_FILTER_PROPERTY"] = "codeSort",
            ["ODATA_FILTER_VALUE"] = "8302-2",
            ["ODATA_FILTER_COUNT"] = expected.ToString(CultureInfo.InvariantCulture),
        });

        Assert.True(exitCode == 0, output);
        Assert.True(expected > 0);
        Assert.Contains($"PASS metadata, filter {expected}, paging {Count("Observation")} rows in 3 pages", output, StringComparison.Ordinal);
    }

    private static async Task EnsurePackagesAsync()
    {
        if (File.Exists(Path.Combine(ClientFolder, "node_modules", ".package-lock.json")))
        {
            return;
        }

        var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>());
        Assert.True(exitCode == 0, "npm ci in tests/odata-client failed: " + output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = ClientFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
