using FhirEf.Api.Tests.Bundles;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Jobs;
using FhirEf.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Tests.Jobs;

/// <summary>
/// A server that stops in the middle of a job hands it back (queued, progress kept): the next server resumes it
/// at once, not after the stale interval (<c>Fhir:Jobs:StaleAfterSeconds</c>, an hour here, so only the
/// hand-back can let the second server run it).
/// </summary>
public sealed class JobHandOverTests(PrivateDatabaseFixture database) : IClassFixture<PrivateDatabaseFixture>
{
    private const int Rows = 1_500;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Fhir:Jobs:PollSeconds"] = "0.1",
        ["Fhir:Jobs:StaleAfterSeconds"] = "3600",
    };

    [Fact]
    public async Task A_stopping_server_hands_its_job_back_and_the_next_one_finishes_it()
    {
        Guid id;
        await using (var first = new FhirApiFactory(database, Settings))
        {
            using var client = first.CreateClient();
            var bundle = new BundleBuilder("transaction");
            for (var i = 0; i < Rows; i++)
            {
                bundle.Entry("POST", "Basic", $$"""{"resourceType":"Basic","code":{"text":"hand-over-{{i}}"} }""");
            }

            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync("/fhir", bundle.Build())).StatusCode);
            await StaleRows.MakeStaleAsync(database, "Basic");
            var store = first.Services.GetRequiredService<NpgsqlJobStore>();
            id = (await store.CreateAsync(JobKinds.Reindex, new ReindexRequest(database.ProjectId, "Basic", null) { BatchSize = 1 }, CancellationToken.None)).Id;
            var job = await WaitForAsync(store, id, j => j.ProgressAs<ReindexProgress>() is { Processed: > 0 });
            Assert.Equal(JobStatus.Running, job.Status);
        }

        await using var second = new FhirApiFactory(database, Settings);
        _ = second.Services;
        var resumed = await WaitForAsync(second.Services.GetRequiredService<NpgsqlJobStore>(), id, j => j.Status != JobStatus.Queued && j.Status != JobStatus.Running);

        Assert.Equal(JobStatus.Completed, resumed.Status);
        Assert.Equal(Rows, resumed.ProgressAs<ReindexProgress>()!.Processed);
    }

    private static async Task<FhirJob> WaitForAsync(NpgsqlJobStore store, Guid id, Func<FhirJob, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var job = await store.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"Job {id} is gone.");
            if (condition(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Job {id} is still {job.Status} with progress {job.Progress}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
