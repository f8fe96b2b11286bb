using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.EntityFramework.Tests.Storage;

/// <summary>Concurrent writers against one database: versions stay consecutive, preconditions hold, nothing is lost.</summary>
public sealed class RepositoryConcurrencyTests(FhirDatabaseFixture database) : IClassFixture<FhirDatabaseFixture>, IAsyncLifetime
{
    private readonly StorageHost _host = new(database);

    [Fact]
    public async Task Fifty_parallel_updates_without_If_Match_give_fifty_consecutive_versions()
    {
        var id = await CreatePatientAsync();

        var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i =>
            _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, Patient(id, $"Name{i}"), WriteOptions.None, default))));

        Assert.All(results, r => Assert.Equal(WriteOutcome.Updated, r.Outcome));
        Assert.Equal(Enumerable.Range(2, 50), results.Select(r => r.Version!.VersionId).Order());
        Assert.Equal(51L, await CountAsync("SELECT count(*) FROM \"Patient_History\" WHERE \"projectId\" = $1 AND id = $2", _host.ProjectId, id));
        Assert.Equal(51, (await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default)))!.VersionId);
    }

    [Fact]
    public async Task Fifty_parallel_updates_with_the_same_If_Match_give_one_success_and_forty_nine_conflicts()
    {
        var id = await CreatePatientAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            try
            {
                await _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, Patient(id, $"Name{i}"), new WriteOptions { IfMatchVersion = 1 }, default));
                return "ok";
            }
            catch (VersionConflictException)
            {
                return "412";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Equal(49, outcomes.Count(o => o == "412"));
        Assert.Equal(2, (await _host.WithRepositoryAsync(r => r.ReadAsync("Patient", id, default)))!.VersionId);
    }

    [Fact]
    public async Task A_thousand_parallel_creates_over_eight_types_are_all_stored_and_indexed()
    {
        var marker = "bulk-" + Guid.NewGuid().ToString("N")[..8];
        string[] types = ["Patient", "Observation", "Encounter", "Condition", "Procedure", "Organization", "Practitioner", "Device"];
        using var gate = new SemaphoreSlim(32);

        var created = await Task.WhenAll(Enumerable.Range(0, 1000).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var type = types[i % types.Length];
                var resource = TestData.Parse($$$"""{"resourceType":"{{{type}}}","meta":{"tag":[{"system":"urn:fhiref:test","code":"{{{marker}}}"}]}}""");
                return (type, (await _host.WithRepositoryAsync(r => r.CreateAsync(resource, WriteOptions.None, default))).Version!.Id);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(1000, created.Select(c => c.Id).Distinct().Count());
        foreach (var type in types)
        {
            Assert.Equal(125L, await CountAsync(
                $"SELECT count(*) FROM \"{type}\" WHERE \"projectId\" = $1 AND \"_tag\" @> ARRAY[$2]", _host.ProjectId, $"urn:fhiref:test|{marker}"));
        }
    }

    [Fact]
    public async Task Concurrent_update_as_create_of_one_new_id_yields_one_create_and_updates()
    {
        var id = "race-" + Guid.NewGuid().ToString("N")[..8];

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            _host.WithRepositoryAsync(r => r.UpdateAsync("Patient", id, Patient(id, $"Name{i}"), WriteOptions.None, default))));

        Assert.Single(results, r => r.Outcome == WriteOutcome.Created);
        Assert.Equal(Enumerable.Range(1, 10), results.Select(r => r.Version!.VersionId).Order());
    }

    [Fact]
    public async Task Twenty_parallel_identical_conditional_creates_create_exactly_one_resource()
    {
        var mrn = "cc-" + Guid.NewGuid().ToString("N")[..12];
        var criteria = $"identifier=http://hospital.org/mrn|{mrn}";

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var resource = TestData.Parse($$"""{"resourceType":"Patient","identifier":[{"system":"http://hospital.org/mrn","value":"{{mrn}}"}]}""");
            await using var scope = _host.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IFhirConditionalOperations>().ConditionalCreateAsync(resource, criteria, WriteOptions.None, default);
        }));

        var created = Assert.Single(results, r => r.Outcome == WriteOutcome.Created);
        Assert.All(results, r => Assert.Equal(created.Version!.Id, r.Version!.Id));
        Assert.Equal(19, results.Count(r => r.Outcome == WriteOutcome.Unchanged));
        Assert.Equal(1L, await CountAsync(
            "SELECT count(*) FROM \"Patient\" WHERE \"projectId\" = $1 AND identifier @> ARRAY[$2]", _host.ProjectId, $"http://hospital.org/mrn|{mrn}"));
    }

    private async Task<string> CreatePatientAsync() =>
        (await _host.WithRepositoryAsync(r => r.CreateAsync(Patient(null, "Start"), WriteOptions.None, default))).Version!.Id;

    private static System.Text.Json.JsonElement Patient(string? id, string family) => TestData.Parse(id is null
        ? $$"""{"resourceType":"Patient","name":[{"family":"{{family}}"}]}"""
        : $$"""{"resourceType":"Patient","id":"{{id}}","name":[{"family":"{{family}}"}]}""");

    private async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new global::Npgsql.NpgsqlParameter { Value = value });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
