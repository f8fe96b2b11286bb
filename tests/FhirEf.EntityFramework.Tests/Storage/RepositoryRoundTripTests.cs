using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.Testing;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>Create, read, vread, update, delete and history of spec examples of many types.</summary>
public sealed class RepositoryRoundTripTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);

    public static TheoryData<string> Examples() =>
    [
        "Patient-example.json", "Observation-example.json", "Encounter-example.json", "MedicationRequest-medrx0301.json",
        "Condition-example.json", "Procedure-example.json", "AllergyIntolerance-example.json", "Immunization-example.json",
        "DiagnosticReport-102.json", "Practitioner-example.json", "Organization-1.json", "CarePlan-example.json",
        "Goal-example.json", "Claim-100150.json", "ExplanationOfBenefit-EB3500.json", "ImagingStudy-example.json",
        "Questionnaire-3141.json", "QuestionnaireResponse-3141.json", "DiagnosticReport-f201.json", "Device-example.json",
        "Location-1.json", "Specimen-101.json", "ServiceRequest-example.json", "Bundle-bundle-example.json",
    ];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task A_spec_example_goes_through_every_interaction(string file)
    {
        var example = TestData.Example(file);
        var resourceType = example.GetProperty("resourceType").GetString()!;

        var created = await _host.WithRepositoryAsync(r => r.CreateAsync(example, WriteOptions.None, default));
        Assert.Equal(WriteOutcome.Created, created.Outcome);
        var id = created.Version!.Id;
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(1, created.Version.VersionId);

        var read = await _host.WithRepositoryAsync(r => r.ReadAsync(resourceType, id, default));
        Assert.NotNull(read);
        AssertSameExceptMeta(example, read.Json!, id, "1");

        var changed = WithExtraTag(read.Json!, "round-trip");
        var updated = await _host.WithRepositoryAsync(r => r.UpdateAsync(resourceType, id, changed, WriteOptions.None, default));
        Assert.Equal(WriteOutcome.Updated, updated.Outcome);
        Assert.Equal(2, updated.Version!.VersionId);

        var first = await _host.WithRepositoryAsync(r => r.ReadVersionAsync(resourceType, id, 1, default));
        Assert.Equal(read.Json, first!.Json);

        var deleted = await _host.WithRepositoryAsync(r => r.DeleteAsync(resourceType, id, WriteOptions.None, default));
        Assert.Equal(WriteOutcome.Deleted, deleted.Outcome);
        var gone = await _host.WithRepositoryAsync(r => r.ReadAsync(resourceType, id, default));
        Assert.True(gone!.Deleted);
        Assert.Equal(3, gone.VersionId);

        var history = await _host.WithRepositoryAsync(r => r.HistoryAsync(new HistoryQuery { ResourceType = resourceType, Id = id }, default));
        Assert.Equal([3, 2, 1], history.Entries.Select(e => e.Version.VersionId));
        Assert.Equal(["DELETE", "PUT", "POST"], history.Entries.Select(e => e.Method));
        Assert.Null(history.Entries[0].Version.Json);
    }

    [Fact]
    public async Task Deleting_twice_and_deleting_the_absent_are_idempotent()
    {
        var created = await _host.WithRepositoryAsync(r => r.CreateAsync(TestData.Example("Patient-example.json"), WriteOptions.None, default));
        var id = created.Version!.Id;

        Assert.Equal(WriteOutcome.Deleted, (await _host.WithRepositoryAsync(r => r.DeleteAsync("Patient", id, WriteOptions.None, default))).Outcome);
        Assert.Equal(WriteOutcome.NothingToDelete, (await _host.WithRepositoryAsync(r => r.DeleteAsync("Patient", id, WriteOptions.None, default))).Outcome);
        Assert.Equal(WriteOutcome.NothingToDelete, (await _host.WithRepositoryAsync(r => r.DeleteAsync("Patient", "never-there", WriteOptions.None, default))).Outcome);
    }

    [Fact]
    public async Task An_update_of_an_absent_id_creates_it_and_an_unchanged_update_writes_no_version()
    {
        var id = "client-" + Guid.NewGuid().ToString("N")[..8];
        var patient = TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","active":true,"name":[{"family":"Chalmers"}]}""");

        var created = await _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, patient, WriteOptions.None, default));
        var again = await _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, patient, WriteOptions.None, default));

        Assert.Equal(WriteOutcome.Created, created.Outcome);
        Assert.Equal(WriteOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Version!.VersionId);
        var history = await _host.WithRepositoryAsync(r => r.HistoryAsync(new HistoryQuery { ResourceType = "Patient", Id = id }, default));
        Assert.Single(history.Entries);
    }

    [Fact]
    public async Task A_deleted_resource_comes_back_with_the_next_version_when_updated()
    {
        var id = "phoenix-" + Guid.NewGuid().ToString("N")[..8];
        var patient = TestData.Parse($$"""{"resourceType":"Patient","id":"{{id}}","active":true}""");
        await _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, patient, WriteOptions.None, default));
        await _host.WithRepositoryAsync(r => r.DeleteAsync("Patient", id, WriteOptions.None, default));

        var revived = await _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, patient, WriteOptions.None, default));

        Assert.Equal(WriteOutcome.Created, revived.Outcome);
        Assert.Equal(3, revived.Version!.VersionId);
        Assert.False((await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default)))!.Deleted);
    }

    /// <summary>The stored JSON is the example with id and meta.versionId/lastUpdated set, all else equal.</summary>
    private static void AssertSameExceptMeta(JsonElement example, string stored, string id, string versionId)
    {
        using var document = JsonDocument.Parse(stored);
        var root = document.RootElement;
        Assert.Equal(id, root.GetProperty("id").GetString());
        Assert.Equal(versionId, root.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.True(root.GetProperty("meta").TryGetProperty("lastUpdated", out _));
        foreach (var property in example.EnumerateObject().Where(p => p.Name is not ("id" or "meta")))
        {
            Assert.True(JsonElement.DeepEquals(property.Value, root.GetProperty(property.Name)), $"{property.Name} differs");
        }
    }

    private static JsonElement WithExtraTag(string json, string code)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var meta = node["meta"]!.AsObject();
        if (meta["tag"] is not System.Text.Json.Nodes.JsonArray tags)
        {
            tags = [];
            meta["tag"] = tags;
        }

        tags.Add(new System.Text.Json.Nodes.JsonObject { ["system"] = "urn:fhiref:test", ["code"] = code });
        return TestData.Parse(node.ToJsonString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
