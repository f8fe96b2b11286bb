using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Storage.Caching;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Storage;

public sealed class RepositoryCacheAndTenancyTests : IAsyncLifetime
{
    private readonly FhirDatabaseFixture _tenantA = new();
    private readonly FhirDatabaseFixture _tenantB = new();
    private StorageHost _a = null!;
    private StorageHost _b = null!;

    [Fact]
    public async Task Repeated_reads_hit_the_cache_and_writes_invalidate_it()
    {
        var cache = _a.Services.GetRequiredService<ResourceCache>();
        var id = (await _a.WithRepositoryAsync(r => r.CreateAsync(TestData.Parse("""{"resourceType":"Patient","active":true}"""), WriteOptions.None, default))).Version!.Id;

        await _a.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        var hitsBefore = cache.Hits;
        var first = await _a.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.Equal(hitsBefore + 1, cache.Hits);

        await _a.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","active":false}"""), WriteOptions.None, default));
        var afterUpdate = await _a.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.Equal(1, first!.VersionId);
        Assert.Equal(2, afterUpdate!.VersionId);

        await _a.WithRepositoryAsync(r => r.DeleteAsync("Patient", id, WriteOptions.None, default));
        var afterDelete = await _a.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.True(afterDelete!.Deleted);
    }

    [Fact]
    public async Task A_tenant_never_reads_or_overwrites_another_tenants_resource()
    {
        var id = "shared-" + Guid.NewGuid().ToString("N")[..8];
        await _a.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","gender":"female"}"""), WriteOptions.None, default));

        Assert.Null(await _b.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default)));
        var inB = await _b.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","gender":"male"}"""), WriteOptions.None, default));
        Assert.Equal(WriteOutcome.Created, inB.Outcome);

        var inA = await _a.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.Contains("female", inA!.Json, StringComparison.Ordinal);
        Assert.Equal(1, inA.VersionId);
        var historyA = await _a.WithRepositoryAsync(r => r.HistoryAsync(new HistoryQuery { ResourceType = "Patient", Id = id }, default));
        Assert.Single(historyA.Entries);
    }

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_tenantA.InitializeAsync(), _tenantB.InitializeAsync());
        _a = new StorageHost(_tenantA);
        _b = new StorageHost(_tenantB);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await Task.WhenAll(_tenantA.DisposeAsync(), _tenantB.DisposeAsync());
    }
}
