using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FhirEf.Admin.Security;
using FhirEf.EntityFramework.Diagnostics;
using FhirEf.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>
/// One server for a test class: the five Synthea bundles posted as transactions under project A, the
/// first one again under project B, and clients holding admin tokens for A, for B, for a super-admin
/// and for a non-admin. Tokens are signed with a key generated for the fixture.
/// </summary>
public sealed class SyntheaServer : IAsyncLifetime
{
    private readonly FhirDatabaseFixture _database = new();
    private readonly string _signingKey = AdminSigningKey.Generate();
    private readonly List<HttpClient> _clients = [];
    private AdminApiFactory? _factory;

    public string ProjectA => _database.ProjectId;

    public string ConnectionString => _database.ConnectionString;

    public string ProjectB { get; } = "test-b-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Server-assigned ids of project A's resources, "Type/id", in bundle order.</summary>
    public List<string> LocationsA { get; } = [];

    /// <summary>Server-assigned ids of project B's resources.</summary>
    public List<string> LocationsB { get; } = [];

    public AdminApiFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public Dictionary<string, string?> Settings => new()
    {
        ["Fhir:Admin:Jwt:SigningKey"] = _signingKey,
        ["Fhir:OData:MaxPageSize"] = "100",
    };

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var b = new AdminApiFactory(_database.ConnectionString, ProjectB, Settings))
        {
            using var client = b.CreateClient();
            await PostAsync(client, SyntheaData.BundleFiles[0], LocationsB);
        }

        _factory = new AdminApiFactory(_database.ConnectionString, ProjectA, Settings);
        using var fhir = _factory.CreateClient();
        foreach (var file in SyntheaData.BundleFiles)
        {
            await PostAsync(fhir, file, LocationsA);
        }
    }

    /// <summary>A second server over the same database whose EF Core SQL goes to <paramref name="log"/>.</summary>
    public WebApplicationFactory<Program> LoggingSql(SqlCommandLog log)
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Logging:LogLevel:" + SqlCommandLog.Category] = "Information" };
        return new AdminApiFactory(ConnectionString, ProjectA, settings)
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
    }

    /// <summary>A client of <paramref name="factory"/> holding an admin token for project A.</summary>
    public HttpClient AdminOfA(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token([ProjectA]));
        return Track(client);
    }

    /// <summary>The FHIR API (project A).</summary>
    public HttpClient Fhir() => Track(Factory.CreateClient());

    public HttpClient AdminOf(params string[] projects) => WithToken(Token(projects));

    public HttpClient SuperAdmin() => WithToken(Token([], super: true));

    public HttpClient Anonymous() => Track(Factory.CreateClient());

    public HttpClient WithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Track(client);
    }

    public string Token(IEnumerable<string> projects, bool super = false, IEnumerable<string>? roles = null, string? key = null) =>
        AdminTokens.Create(AdminSigningKey.FromBase64(key ?? _signingKey), new AdminJwtOptions(), projects, super, roles);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    private static async Task PostAsync(HttpClient client, string file, List<string> locations)
    {
        using var content = new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/fhir+json");
        using var response = await client.PostAsync(new Uri("/fhir", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Loading {file} failed: {response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        locations.AddRange(json.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0]));
    }
}
