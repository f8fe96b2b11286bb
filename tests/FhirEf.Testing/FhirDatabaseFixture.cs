using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Npgsql;
using Xunit;

namespace FhirEf.Testing;

/// <summary>
/// A migrated database for one test class (<c>IClassFixture&lt;FhirDatabaseFixture&gt;</c>). Every fixture
/// has a tenant of its own, <see cref="ProjectId"/>: rows written through FhirEf under it are invisible to
/// every other fixture. The database is shared within the test process unless <see cref="Private"/> asks
/// for an empty one of its own (slower: seconds).
/// </summary>
public class FhirDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    public FhirDatabaseFixture()
        : this(isPrivate: false)
    {
    }

    protected FhirDatabaseFixture(bool isPrivate) => Private = isPrivate;

    public bool Private { get; }

    /// <summary>The tenant this fixture's tests write under.</summary>
    public string ProjectId { get; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString { get; private set; } = string.Empty;

    public string DatabaseName => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public FhirDbContext CreateContext() => new(FhirDbContextOptionsFactory.Create(ConnectionString));

    public async Task InitializeAsync()
    {
        ConnectionString = Private ? await TestDatabases.CreatePrivateAsync() : await TestDatabases.SharedAsync();
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (Private)
        {
            await TestDatabases.DropAsync(ConnectionString);
        }
    }
}
