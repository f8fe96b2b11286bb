using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>A tenant of its own holding <see cref="SearchData"/>, and search through the real services.</summary>
public sealed class SearchFixture : IAsyncLifetime
{
    private readonly FhirDatabaseFixture _database = new();
    private StorageHost? _host;

    public StorageHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    public FhirDatabaseFixture Database => _database;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new StorageHost(_database);
        foreach (var json in SearchData.Resources.Concat(TerminologyData.Resources))
        {
            var resource = TestData.Parse(json);
            await Host.WithRepositoryAsync(r => r.UpdateAsync(
                resource.GetProperty("resourceType").GetString()!, resource.GetProperty("id").GetString()!, resource, WriteOptions.None, default));
        }
    }

    /// <summary>The ids of the matches, in result order, for <c>GET [type]?query</c>.</summary>
    public async Task<string> IdsAsync(string? resourceType, string query, bool strict = false)
    {
        var result = await SearchAsync(resourceType, query, strict);
        return string.Join(",", result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id));
    }

    public Task<SearchResult> SearchAsync(string? resourceType, string query, bool strict = false) => SearchAsync(Host, resourceType, query, strict);

    /// <summary>The matches as <c>Type/id</c>, in result order (system and compartment searches).</summary>
    public static string TypedIds(SearchResult result) =>
        string.Join(",", result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.ResourceType + "/" + e.Resource.Id));

    /// <summary>The included resources as <c>Type/id</c>, sorted (their order is not specified).</summary>
    public static string Included(SearchResult result) =>
        string.Join(",", result.Entries.Where(e => e.Mode == SearchEntryMode.Include).Select(e => e.Resource.ResourceType + "/" + e.Resource.Id).Order(StringComparer.Ordinal));

    /// <summary>Runs a search request as given, for example the parameters of a <c>next</c> link.</summary>
    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        await using var scope = Host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IFhirSearchService>().SearchAsync(request, default);
    }

    public async Task<SearchResult> EverythingAsync(string patientId, string query)
    {
        await using var scope = Host.CreateScope();
        var parameters = Core.Search.Syntax.SearchQueryParser.ParseQueryString(query);
        return await scope.ServiceProvider.GetRequiredService<IFhirSearchService>().EverythingAsync(patientId, parameters, default);
    }

    /// <summary>Searches through <paramref name="host"/>, for example one with other search options over the same tenant.</summary>
    public async Task<SearchResult> SearchAsync(StorageHost host, string? resourceType, string query, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<IFhirSearchService>();
        var parameters = Core.Search.Syntax.SearchQueryParser.ParseQueryString(query);
        return await search.SearchAsync(new SearchRequest(resourceType, parameters) { Strict = strict }, default);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
