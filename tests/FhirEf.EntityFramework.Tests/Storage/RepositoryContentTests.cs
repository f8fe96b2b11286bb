
using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>What goes in comes out: large, multilingual and deeply nested resources round-trip exactly and are indexed.</summary>
public sealed class RepositoryContentTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);

    [Fact]
    public async Task A_resource_over_one_megabyte_round_trips_and_is_searchable()
    {
        var note = new string('x', 1_200_000);
        var json = $$"""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"note":[{"text":"{{note}}"}]}""";

        var stored = await CreateAndReadAsync(json);

        Assert.True(stored.Json!.Length > 1_200_000);
        Assert.Equal(note, JsonDocument.Parse(stored.Json).RootElement.GetProperty("note")[0].GetProperty("text").GetString());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1 AND id = $2 AND code @> ARRAY['http://loinc.org|8867-4']", stored.Id));
    }

    [Theory]
    [InlineData("山田", "太郎")]
    [InlineData("Zoë", "Ærøskøbing 😀")]
    [InlineData("O'Brien \\\"The\\\" Great", "line\\nbreak")]
    public async Task Unicode_text_round_trips_exactly_and_is_folded_for_search(string family, string given)
    {
        var json = $$"""{"resourceType":"Patient","name":[{"family":"{{family}}","given":["{{given}}"]}]}""";

        var stored = await CreateAndReadAsync(json);

        var name = JsonDocument.Parse(stored.Json!).RootElement.GetProperty("name")[0];
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetProperty("name")[0].GetProperty("family").GetString(), name.GetProperty("family").GetString());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM \"Patient\" WHERE \"projectId\" = $1 AND id = $2 AND family LIKE '%' || chr(31) || $3 || '%'",
            stored.Id, Core.Indexing.Text.TextFolding.Fold(name.GetProperty("family").GetString()!)));
    }

    [Fact]
    public async Task Empty_arrays_and_exact_decimals_are_kept_as_written()
    {
        var json = """{"resourceType":"Observation","status":"final","code":{"text":"t"},"valueQuantity":{"value":1.50,"unit":"mg"},"note":[]}""";

        var stored = await CreateAndReadAsync(json);

        Assert.Contains("\"value\":1.50", stored.Json, StringComparison.Ordinal);
        Assert.Contains("\"note\":[]", stored.Json, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1 AND id = $2 AND \"valueQuantityLow\" = 1.50 AND \"valueQuantityHigh\" = 1.50", stored.Id));
    }

    [Fact]
    public async Task Deeply_nested_backbone_elements_round_trip_and_are_indexed()
    {
        var item = "{\"linkId\":\"leaf\",\"text\":\"deepest\"}";
        for (var depth = 0; depth < 40; depth++)
        {
            item = $"{{\"linkId\":\"l{depth}\",\"item\":[{item}]}}";
        }

        var stored = await CreateAndReadAsync($$"""{"resourceType":"Questionnaire","status":"active","name":"Deep","item":[{{item}}]}""");

        Assert.Contains("deepest", stored.Json, StringComparison.Ordinal);
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM \"Questionnaire\" WHERE \"projectId\" = $1 AND id = $2 AND name LIKE '%' || chr(31) || 'deep%'", stored.Id));
    }

    private async Task<ResourceVersion> CreateAndReadAsync(string json)
    {
        var created = await _host.WithRepositoryAsync(r => r.CreateAsync(TestData.Parse(json), WriteOptions.None, default));
        return (await _host.WithRepositoryAsync(r => r.ReadAsync(created.Version!.ResourceType, created.Version.Id, default)))!;
    }

    private async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new global::Npgsql.NpgsqlParameter { Value = _host.ProjectId });
        foreach (var value in values)
        {
            command.Parameters.Add(new global::Npgsql.NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
