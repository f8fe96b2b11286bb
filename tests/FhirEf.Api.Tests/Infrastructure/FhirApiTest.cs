using FhirEf.Testing;

namespace FhirEf.Api.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP tests: the whole server in memory over the class's database, under the class's
/// own tenant, and a client for it.
/// </summary>
public abstract class FhirApiTest : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    protected FhirApiTest(FhirDatabaseFixture database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Database = database;
        Factory = new FhirApiFactory(database, settings);
    }

    protected FhirDatabaseFixture Database { get; }

    protected FhirApiFactory Factory { get; }

    protected HttpClient Client { get; private set; } = null!;

    public virtual Task InitializeAsync()
    {
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
