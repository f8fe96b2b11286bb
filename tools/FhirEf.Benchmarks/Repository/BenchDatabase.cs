using FhirEf.Core.Configuration;
using FhirEf.EntityFramework.Npgsql.Embedded;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// The database the repository benchmarks run against: the one <c>--connection</c> names, or a durable
/// embedded cluster of their own under <c>.data/bench</c> (fsync on, as the server runs), migrated once.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster? _cluster;

    private BenchDatabase(string connectionString, EmbeddedPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> OpenAsync(string? connectionString)
    {
        EmbeddedPostgresCluster? cluster = null;
        if (connectionString is null)
        {
            cluster = new EmbeddedPostgresCluster(
                new EmbeddedPostgresOptions { DataDirectory = Path.Combine(".data", "bench"), Port = 0, Database = "fhiref_bench" },
                FhirEfRoot.Find());
            await cluster.StartAsync();
            connectionString = cluster.ConnectionString();
        }

        await using (var context = new FhirDbContext(FhirDbContextOptionsFactory.Create(connectionString)))
        {
            await context.Database.MigrateAsync();
        }

        return new BenchDatabase(connectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
