using System.Reflection;
using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Embedded;
using Npgsql;

namespace FhirEf.Testing;

/// <summary>
/// The PostgreSQL server the tests of this process use: the one <c>FHIREF_TEST_CONNECTION</c> names,
/// otherwise an embedded cluster private to this test assembly (kept between runs, stopped at exit).
/// </summary>
public static class TestPostgresServer
{
    public const string ConnectionVariable = "FHIREF_TEST_CONNECTION";

    private static readonly Lazy<Task<Server>> Instance = new(StartAsync);

    public sealed record Server(string MaintenanceConnectionString, bool IsEmbedded, EmbeddedPostgresCluster? Cluster)
    {
        public string ConnectionString(string database) =>
            new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = database }.ConnectionString;
    }

    public static Task<Server> GetAsync() => Instance.Value;

    /// <summary>The FhirEf root, or a temporary folder when the tests run outside a checkout.</summary>
    public static string RootDirectory { get; } = FhirEfRoot.TryFind() ?? Path.Combine(Path.GetTempPath(), "fhiref-tests");

    private static async Task<Server> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            builder.Database ??= "postgres";
            return new Server(builder.ConnectionString, IsEmbedded: false, Cluster: null);
        }

        var assembly = Assembly.GetEntryAssembly()?.GetName().Name is { } entry && !entry.StartsWith("testhost", StringComparison.Ordinal)
            ? entry
            : FindTestAssemblyName();
        var cluster = new EmbeddedPostgresCluster(
            new EmbeddedPostgresOptions
            {
                DataDirectory = Path.Combine(".data", "test", assembly),
                Port = 0,
                Database = "postgres",
                Ephemeral = true,
                Settings = { ["max_connections"] = "300" },
            },
            RootDirectory);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAsync().GetAwaiter().GetResult();
        return new Server(cluster.ConnectionString("postgres"), IsEmbedded: true, cluster);
    }

    private static string FindTestAssemblyName() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Select(a => a.GetName().Name ?? string.Empty)
            .FirstOrDefault(n => n.StartsWith("FhirEf.", StringComparison.Ordinal) && n.EndsWith(".Tests", StringComparison.Ordinal))
        ?? "FhirEf.Tests";
}
