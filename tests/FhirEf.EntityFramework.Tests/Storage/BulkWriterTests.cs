using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.EntityFramework.Storage.Caching;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>The bulk writer against the single-write path: same rows, versions, history and cache behaviour.</summary>
public sealed class BulkWriterTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);

    public static TheoryData<string> Examples() =>
    [
        "Patient-example.json", "Observation-example.json", "Encounter-example.json", "MedicationRequest-medrx0301.json",
        "Condition-example.json", "DiagnosticReport-102.json", "Organization-1.json", "Questionnaire-3141.json",
        "Claim-100150.json", "Location-1.json", "Practitioner-example.json", "ServiceRequest-example.json",
    ];

    [Fact]
    public async Task Synthea_ndjson_written_in_bulk_is_readable_and_searchable()
    {
        var patients = Ndjson("Patient.000.ndjson");
        var encounters = Ndjson("Encounter.000.ndjson");

        var result = await BulkAsync([.. patients, .. encounters], BulkWriteOptions.None);

        Assert.Equal(patients.Count + encounters.Count, result.Created);
        Assert.Equal(0, result.Failed);
        var patient = patients[3];
        var patientId = patient.GetProperty("id").GetString()!;
        var read = await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", patientId, default));
        Assert.Equal(1, read!.VersionId);
        Assert.True(JsonElement.DeepEquals(patient.GetProperty("name"), TestData.Parse(read.Json!).GetProperty("name")));

        var family = patient.GetProperty("name")[0].GetProperty("family").GetString()!;
        var byName = await SearchAsync("Patient", ("family", family), ("_count", "100"));
        Assert.Contains(patientId, byName);
        var expectedEncounters = encounters.Where(e => e.GetProperty("subject").GetProperty("reference").GetString()!.EndsWith(patientId, StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetString()!).Order().ToList();
        var bySubject = await SearchAsync("Encounter", ("subject", "Patient/" + patientId), ("_count", "1000"));
        Assert.NotEmpty(expectedEncounters);
        Assert.Equal(expectedEncounters, bySubject.Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Bulk_rows_equal_the_rows_of_a_single_write(string file)
    {
        var example = TestData.Example(file);
        var type = example.GetProperty("resourceType").GetString()!;
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var single = WithId(example, "s" + suffix);
        var bulk = WithId(example, "b" + suffix);

        await _host.WithRepositoryAsync(r => r.UpdateAsync(type, "s" + suffix, single, WriteOptions.None, default));
        await BulkAsync([bulk], BulkWriteOptions.None);

        Assert.Equal(await IndexRowsAsync(type, "s" + suffix), await IndexRowsAsync(type, "b" + suffix));
        Assert.Equal(await HistoryMethodsAsync(type, "s" + suffix), await HistoryMethodsAsync(type, "b" + suffix));
    }

    [Fact]
    public async Task A_rerun_changes_nothing_and_a_change_is_a_new_version_seen_through_the_cache()
    {
        var id = "rerun-" + Guid.NewGuid().ToString("N")[..8];
        var patient = TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","name":[{"family":"Before"}]}""");
        await BulkAsync([patient], BulkWriteOptions.None);
        var cached = await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));

        var rerun = await BulkAsync([patient], BulkWriteOptions.None);
        var changed = await BulkAsync([TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","name":[{"family":"After"}]}""")], BulkWriteOptions.None);

        Assert.Equal(WriteOutcome.Unchanged, rerun.Items[0].Outcome);
        Assert.Equal(1, rerun.Items[0].VersionId);
        Assert.Equal(WriteOutcome.Updated, changed.Items[0].Outcome);
        Assert.Equal(2, changed.Items[0].VersionId);
        Assert.Equal(1, cached!.VersionId);
        var read = await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.Equal(2, read!.VersionId);
        Assert.Contains("After", read.Json, StringComparison.Ordinal);
        Assert.Equal([id], await SearchAsync("Patient", ("family", "After"), ("_id", id)));
        Assert.Empty(await SearchAsync("Patient", ("family", "Before"), ("_id", id)));
        Assert.Equal(["PUT", "PUT"], await HistoryMethodsAsync("Patient", id));
    }

    [Fact]
    public async Task Invalid_resources_are_reported_and_the_others_written_and_a_repeated_id_becomes_two_versions()
    {
        var id = "twice-" + Guid.NewGuid().ToString("N")[..8];
        JsonElement[] input =
        [
            TestData.Parse("""{"resourceType":"Patient","gender":"female"}"""),
            TestData.Parse("""{"resourceType":"NoSuchType"}"""),
            TestData.Parse("""{"resourceType":"Patient","id":"bad id!"}"""),
            TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","gender":"male"}"""),
            TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","gender":"other"}"""),
        ];

        var result = await BulkAsync(input, BulkWriteOptions.None);

        Assert.Equal([false, true, true, false, false], result.Items.Select(i => i.Failed));
        Assert.True(Guid.TryParse(result.Items[0].Id, out _));
        Assert.Equal([1, 2], result.Items.Skip(3).Select(i => i.VersionId));
        var read = await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        Assert.Equal(2, read!.VersionId);
        Assert.Contains("\"other\"", read.Json, StringComparison.Ordinal);
        Assert.NotNull(await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", result.Items[0].Id!, default)));
    }

    [Fact]
    public async Task All_new_resources_are_copied_straight_in_and_an_existing_one_fails_the_whole_batch()
    {
        var ids = Enumerable.Range(0, 50).Select(i => $"new-{Guid.NewGuid():N}"[..20]).ToList();
        var written = await BulkAsync([.. ids.Select(i => TestData.Parse($$"""{"resourceType":"Observation","id":"{{i}}","status":"final","code":{"text":"x"} }"""))],
            new BulkWriteOptions { AllNew = true });
        Assert.Equal(50, written.Created);

        var fresh = "new-" + Guid.NewGuid().ToString("N")[..12];
        await Assert.ThrowsAsync<PostgresException>(() => BulkAsync(
            [TestData.Parse($$"""{"resourceType":"Observation","id":"{{fresh}}","status":"final","code":{"text":"x"} }"""),
             TestData.Parse($$"""{"resourceType":"Observation","id":"{{ids[0]}}","status":"final","code":{"text":"x"} }""")],
            new BulkWriteOptions { AllNew = true }));
        Assert.Null(await _host.WithRepositoryAsync(r => r.ReadAsync("Observation", fresh, default)));
    }

    [Theory]
    [InlineData("Patient-example.json")]
    [InlineData("Observation-example.json")]
    [InlineData("Encounter-example.json")]
    public async Task Indexed_later_a_resource_is_readable_at_once_and_after_reindexing_has_the_rows_of_a_single_write(string file)
    {
        var example = TestData.Example(file);
        var type = example.GetProperty("resourceType").GetString()!;
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await _host.WithRepositoryAsync(r => r.UpdateAsync(type, "s" + suffix, WithId(example, "s" + suffix), WriteOptions.None, default));

        var later = await BulkAsync([WithId(example, "l" + suffix)], new BulkWriteOptions { IndexLater = true });

        Assert.Equal(WriteOutcome.Created, later.Items[0].Outcome);
        var read = await _host.WithRepositoryAsync(r => r.ReadAsync(type, "l" + suffix, default));
        Assert.Equal(1, read!.VersionId);
        Assert.Equal(["PUT"], await HistoryMethodsAsync(type, "l" + suffix));
        // _id reads the id column, which every row has; _content (the id is one of its words) is a search column.
        Assert.Equal(["l" + suffix], await SearchAsync(type, ("_id", "l" + suffix)));
        Assert.Equal([], await SearchAsync(type, ("_id", "l" + suffix), ("_content", "l" + suffix)));
        var unindexed = await IndexRowsAsync(type, "l" + suffix);
        Assert.Equal(["main"], unindexed.Select(r => r.Split(' ')[0]));
        Assert.Contains("\"__version\": 0,", unindexed[0], StringComparison.Ordinal);

        Assert.True(await ReindexAsync(type) >= 1);

        Assert.Equal(["l" + suffix], await SearchAsync(type, ("_id", "l" + suffix), ("_content", "l" + suffix)));
        Assert.Equal(await IndexRowsAsync(type, "s" + suffix), await IndexRowsAsync(type, "l" + suffix));
    }

    [Fact]
    public async Task Indexed_later_an_update_drops_the_old_index_rows_until_reindexed()
    {
        var id = "upd-" + Guid.NewGuid().ToString("N")[..8];
        var reference = $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p-{{{id}}}"} }""";
        await BulkAsync([TestData.Parse(reference)], BulkWriteOptions.None);
        Assert.Equal([id], await SearchAsync("Observation", ("subject", "Patient/p-" + id)));

        var changed = await BulkAsync([TestData.Parse(reference.Replace("\"final\"", "\"amended\"", StringComparison.Ordinal))], new BulkWriteOptions { IndexLater = true });

        Assert.Equal(2, changed.Items[0].VersionId);
        Assert.Empty(await SearchAsync("Observation", ("subject", "Patient/p-" + id)));
        Assert.DoesNotContain(await IndexRowsAsync("Observation", id), r => r.StartsWith("ref ", StringComparison.Ordinal));
        await ReindexAsync("Observation");
        Assert.Equal([id], await SearchAsync("Observation", ("subject", "Patient/p-" + id), ("status", "amended")));
    }

    [Fact]
    public async Task Writes_leave_nothing_in_the_cache_however_many_they_are()
    {
        var cache = _host.Services.GetRequiredService<ResourceCache>();
        var id = "cached-" + Guid.NewGuid().ToString("N")[..8];
        await BulkAsync([TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}"}""")], BulkWriteOptions.None);
        await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default));
        var before = cache.Count;

        await BulkAsync([.. Enumerable.Range(0, 500).Select(_ => TestData.Parse("""{"resourceType":"Basic","code":{"text":"uncached"}}"""))], BulkWriteOptions.None);

        // Invalidation stamps once were cache entries, one per written id for five minutes: a bulk import filled memory with them.
        Assert.True(cache.Enabled);
        Assert.Equal(before, cache.Count);
        Assert.True(before >= 1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<BulkWriteResult> BulkAsync(IReadOnlyList<JsonElement> resources, BulkWriteOptions options)
    {
        await using var scope = _host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IFhirBulkWriter>().WriteAsync(resources, options, default);
    }

    /// <summary>Reindexes the stale rows of <paramref name="type"/> in the test's tenant; returns how many were rewritten.</summary>
    private async Task<long> ReindexAsync(string type)
    {
        var reindexer = ActivatorUtilities.CreateInstance<Reindexer>(_host.Services);
        var request = new ReindexRequest(database.ProjectId, type, null);
        var done = await reindexer.RunAsync(request, await reindexer.PlanAsync(request, default), (_, _) => Task.FromResult(true), default);
        return done.Processed;
    }

    private async Task<List<string>> SearchAsync(string type, params (string Name, string Value)[] parameters)
    {
        await using var scope = _host.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<IFhirSearchService>();
        var result = await search.SearchAsync(new SearchRequest(type, [.. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))]), default);
        return [.. result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id)];
    }

    /// <summary>Every stored index value of a resource, without what differs between two writes: id, content, lastUpdated.</summary>
    private async Task<List<string>> IndexRowsAsync(string type, string id)
    {
        var rows = new List<string>();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var statements = new List<string>
        {
            $"SELECT 'main ' || (to_jsonb(t) - 'id' - 'content' - 'lastUpdated')::text FROM \"{type}\" t WHERE \"projectId\" = $1 AND id = $2",
            $"SELECT 'ref ' || (to_jsonb(t) - 'resourceId')::text FROM \"{type}_References\" t WHERE \"projectId\" = $1 AND \"resourceId\" = $2",
        };
        statements.AddRange(new[] { "HumanName", "Address", "ContactPoint", "Identifier" }.Select(table =>
            $"SELECT '{table} ' || (to_jsonb(t) - 'resourceId')::text FROM \"{table}\" t WHERE \"projectId\" = $1 AND \"resourceId\" = $2 AND \"resourceType\" = '{type}'"));
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = database.ProjectId }, new() { Value = id } } };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // The id is also a lexeme of the _content tsvector, where it sorts by its own value.
                rows.Add(reader.GetString(0).Replace($"'{id}' ", string.Empty, StringComparison.Ordinal).Replace(id, "<id>", StringComparison.Ordinal));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(rows);
        return rows;
    }

    private async Task<List<string>> HistoryMethodsAsync(string type, string id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT method || ' ' || \"versionId\" FROM \"{type}_History\" WHERE \"projectId\" = $1 AND id = $2 ORDER BY \"versionId\"", connection)
        {
            Parameters = { new() { Value = database.ProjectId }, new() { Value = id } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var methods = new List<string>();
        while (await reader.ReadAsync())
        {
            methods.Add(reader.GetString(0).Split(' ')[0]);
        }

        return methods;
    }

    private static List<JsonElement> Ndjson(string file) =>
        [.. File.ReadLines(TestData.PathOf(Path.Combine("synthea-ndjson", file))).Where(l => l.Length > 0).Select(TestData.Parse)];

    private static JsonElement WithId(JsonElement resource, string id)
    {
        var node = JsonNode.Parse(resource.GetRawText())!.AsObject();
        node["id"] = id;
        return TestData.Parse(node.ToJsonString());
    }
}
