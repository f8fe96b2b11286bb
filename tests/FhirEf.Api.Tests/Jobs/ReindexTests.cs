using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>$reindex: stale rows are found by <c>__version</c>, rewritten as a fresh write would, as a job with a status URL.</summary>
public sealed class ReindexTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private const string Patient = """
        {"resourceType":"Patient","name":[{"family":"Reindexson","given":["Ada","B."]}],"gender":"female","birthDate":"1980-05-12",
         "identifier":[{"system":"urn:mrn","value":"R-1"}],"telecom":[{"system":"phone","value":"555-0100"}],
         "address":[{"city":"Springfield","postalCode":"12345"}],"generalPractitioner":[{"reference":"Practitioner/p1"}],
         "text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Ada Reindexson</div>"}}
        """;

    [Fact]
    public async Task Type_reindex_rewrites_stale_rows_exactly_as_a_fresh_write()
    {
        for (var i = 0; i < 7; i++)
        {
            await Client.CreateAsync(Patient.Replace("R-1", $"R-{i}", StringComparison.Ordinal));
        }

        var fresh = await StaleRows.ReadAsync(Database, "Patient");
        await StaleRows.MakeStaleAsync(Database, "Patient");
        Assert.NotEqual(fresh, await StaleRows.ReadAsync(Database, "Patient"));
        Assert.Empty(await Client.SearchIdsAsync("/fhir/Patient?family=Reindexson"));

        var done = await JobPolling.UntilDoneAsync(Client, await Client.PostAsync("/fhir/Patient/$reindex", string.Empty));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var result = await done.BodyAsync();
        Assert.Equal(7m, result.GetProperty("parameter")[0].GetProperty("valueDecimal").GetDecimal());
        Assert.Equal(fresh, await StaleRows.ReadAsync(Database, "Patient"));
        Assert.Equal(7, (await Client.SearchIdsAsync("/fhir/Patient?family=Reindexson&_count=100")).Count);
    }

    [Fact]
    public async Task Instance_reindex_rewrites_that_resource_only()
    {
        const string person = """{"resourceType":"Person","name":[{"family":"Onlyone"}]}""";
        var first = await Client.CreateAsync(person);
        await Client.CreateAsync(person);
        await StaleRows.MakeStaleAsync(Database, "Person");

        var done = await JobPolling.UntilDoneAsync(Client, await Client.PostAsync($"/fhir/Person/{first}/$reindex", string.Empty));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal([first], await Client.SearchIdsAsync("/fhir/Person?name=Onlyone"));
    }

    [Fact]
    public async Task A_stopped_reindex_resumes_where_its_progress_says_and_rewrites_every_row_once()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync("""{"resourceType":"Practitioner","name":[{"family":"Resumer"}]}""");
        }

        var fresh = await StaleRows.ReadAsync(Database, "Practitioner");
        await StaleRows.MakeStaleAsync(Database, "Practitioner");
        var reindexer = Factory.Services.GetRequiredService<Reindexer>();
        var request = new ReindexRequest(Database.ProjectId, "Practitioner", null) { BatchSize = 2 };

        // The first run stops after one batch, as a cancelled or killed job would; the second starts from its progress.
        var stopped = await reindexer.RunAsync(request, await reindexer.PlanAsync(request, default), (_, _) => Task.FromResult(false), default);
        var finished = await reindexer.RunAsync(request, stopped, (_, _) => Task.FromResult(true), default);

        Assert.Equal((5L, 2L, "Practitioner"), (stopped.Total, stopped.Processed, stopped.CurrentType));
        Assert.Equal((5L, 5L, (string?)null), (finished.Total, finished.Processed, finished.CurrentType));
        Assert.Equal(fresh, await StaleRows.ReadAsync(Database, "Practitioner"));
    }

    [Fact]
    public async Task System_reindex_walks_every_type_of_the_tenant()
    {
        var device = await Client.CreateAsync("""{"resourceType":"Device","status":"active","manufacturer":"Reindex Corp"}""");
        await StaleRows.MakeStaleAsync(Database, "Device");
        Assert.Empty(await Client.SearchIdsAsync("/fhir/Device?manufacturer=Reindex"));

        var done = await JobPolling.UntilDoneAsync(Client, await Client.PostAsync("/fhir/$reindex", string.Empty));

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.True((await done.BodyAsync()).GetProperty("parameter")[0].GetProperty("valueDecimal").GetDecimal() >= 1);
        Assert.Equal([device], await Client.SearchIdsAsync("/fhir/Device?manufacturer=Reindex"));
    }

    [Fact]
    public async Task A_cancelled_job_answers_404_and_a_second_cancel_too()
    {
        var kickOff = await Client.PostAsync("/fhir/$reindex", string.Empty);
        var status = JobPolling.StatusPath(kickOff);

        Assert.Equal(HttpStatusCode.Accepted, (await Client.DeleteAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(status)).StatusCode);
    }

    [Theory]
    [InlineData("/fhir/Unicorn/$reindex", HttpStatusCode.NotFound)]
    [InlineData("/fhir/Patient/not-there/$reindex", HttpStatusCode.NotFound)]
    [InlineData("/fhir/Patient/bad_id!/$reindex", HttpStatusCode.BadRequest)]
    public async Task Bad_targets_are_refused_with_an_OperationOutcome(string path, HttpStatusCode expected)
    {
        var response = await Client.PostAsync(path, string.Empty);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty(await response.IssueCodeAsync());
    }

    [Theory]
    [InlineData("/fhir/_reindex/not-a-job")]
    [InlineData("/fhir/_reindex/0193a2b4c5d6e7f8091a2b3c4d5e6f70")]
    public async Task Unknown_jobs_are_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(path)).StatusCode);
}
