using FhirEf.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Jobs;

/// <summary>
/// Runs the jobs of the <c>"_Jobs"</c> table one at a time: claims one, runs it to its end (or until it is
/// cancelled, or the host stops), then looks for the next. A host that stops hands its job back (queued,
/// with its progress); a job left running by a process that died is claimed again once it is stale. Either
/// way it resumes from its stored progress.
/// </summary>
public sealed class FhirJobWorker(IServiceProvider services, IOptions<JobOptions> options, ILogger<FhirJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var store = services.GetRequiredService<NpgsqlJobStore>();
        while (!stoppingToken.IsCancellationRequested)
        {
            FhirJob? job;
            try
            {
                job = await store.ClaimAsync(TimeSpan.FromSeconds(settings.StaleAfterSeconds), stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database is not up or not migrated yet: try again later, without flooding the log.
                logger.LogDebug(e, "Could not look for jobs");
                await Delay(TimeSpan.FromSeconds(settings.PollSeconds * 10), stoppingToken);
                continue;
            }

            if (job is null)
            {
                await Delay(TimeSpan.FromSeconds(settings.PollSeconds), stoppingToken);
                continue;
            }

            await RunAsync(store, job, stoppingToken);
        }
    }

    private async Task RunAsync(NpgsqlJobStore store, FhirJob job, CancellationToken stoppingToken)
    {
        logger.LogInformation("Running {Kind} job {Id}", job.Kind, job.Id);
        try
        {
            var finished = job.Kind switch
            {
                JobKinds.Reindex => await ReindexAsync(store, job, stoppingToken),
                JobKinds.Export => await services.GetRequiredService<BulkExporter>().RunAsync(job, store, stoppingToken),
                _ => throw new InvalidOperationException($"Unknown job kind '{job.Kind}'."),
            };
            if (finished)
            {
                await store.FinishAsync(job.Id, JobStatus.Completed, null, stoppingToken);
                logger.LogInformation("{Kind} job {Id} completed", job.Kind, job.Id);
            }
        }
        catch (Exception e) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: hand the job back with its progress, so another worker resumes it at once
            // instead of after the stale interval. If even that fails, it is claimed again once stale.
            logger.LogInformation(e, "{Kind} job {Id} handed back: the host is stopping", job.Kind, job.Id);
            try
            {
                await store.ReleaseAsync(job.Id, CancellationToken.None);
            }
            catch (NpgsqlException release)
            {
                logger.LogWarning(release, "Could not hand back {Kind} job {Id}; it resumes once stale", job.Kind, job.Id);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "{Kind} job {Id} failed", job.Kind, job.Id);
            await store.FinishAsync(job.Id, JobStatus.Failed, e.Message, CancellationToken.None);
        }
    }

    private async Task<bool> ReindexAsync(NpgsqlJobStore store, FhirJob job, CancellationToken cancellationToken)
    {
        var reindexer = services.GetRequiredService<Reindexer>();
        var request = job.RequestAs<ReindexRequest>();
        var progress = job.ProgressAs<ReindexProgress>() ?? await reindexer.PlanAsync(request, cancellationToken);
        if (await store.SaveProgressAsync(job.Id, progress, cancellationToken) != JobStatus.Running)
        {
            return false;
        }

        progress = await reindexer.RunAsync(
            request,
            progress,
            async (current, token) => await store.SaveProgressAsync(job.Id, current, token) == JobStatus.Running,
            cancellationToken);
        return progress.CurrentType is null;
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
