extern alias cli;

using FhirEf.Admin.Tests.Infrastructure;
using cli::FhirEf.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace FhirEf.Admin.Tests.Security;

/// <summary><c>fhiref admin-token</c> prints a token the server accepts, scoped as asked.</summary>
public sealed class AdminTokenCommandTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    [Fact]
    public async Task Printed_project_token_reads_only_that_project()
    {
        var (exit, token, _) = Run(["--project", server.ProjectB]);

        var patients = await server.WithToken(token).AllAsync("/odata/Patient?$select=projectId");

        Assert.Equal(0, exit);
        Assert.Equal([server.ProjectB], patients.Strings("projectId"));
    }

    [Fact]
    public async Task Printed_super_token_reads_every_project()
    {
        var (exit, token, _) = Run(["--super"]);

        var count = await server.WithToken(token).JsonAsync($"/odata/Patient/$count?$filter={Uri.EscapeDataString($"projectId in ('{server.ProjectA}','{server.ProjectB}')")}");

        Assert.Equal(0, exit);
        Assert.Equal(SyntheaData.Count("Patient") + 1, count.GetInt64());
    }

    [Fact]
    public void Without_project_or_super_it_fails_with_a_message()
    {
        var (exit, _, error) = Run([]);

        Assert.Equal(1, exit);
        Assert.Contains("--project", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_mode_creates_a_local_key_once_and_reuses_it()
    {
        var root = Directory.CreateTempSubdirectory("fhiref-admin-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Fhir:Admin:Jwt:Development"] = "true" }).Build();
            using var first = new StringWriter();
            using var second = new StringWriter();

            Assert.Equal(0, AdminTokenCommand.Run(configuration, root, ["p"], super: false, 8, first, TextWriter.Null));
            var key = File.ReadAllText(Path.Combine(root, ".data", "admin-jwt.key"));
            Assert.Equal(0, AdminTokenCommand.Run(configuration, root, ["p"], super: false, 8, second, TextWriter.Null));

            Assert.Equal(key, File.ReadAllText(Path.Combine(root, ".data", "admin-jwt.key")));
            Assert.Equal(3, first.ToString().Trim().Split('.').Length);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private (int Exit, string Token, string Error) Run(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(server.Settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { AdminTokenCommand.Build(() => configuration, Path.GetTempPath()) };
        var exit = root.Parse(["admin-token", .. args]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Trim(), error.ToString());
    }
}
