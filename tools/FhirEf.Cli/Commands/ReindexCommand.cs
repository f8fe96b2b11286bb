using System.CommandLine;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref reindex [--type T] [--project P] [--resume JOB]</c>: rewrites the search columns of rows written by
/// an older indexer, in every tenant unless <c>--project</c> names one. The job is recorded in <c>"_Jobs"</c>
/// after every batch; Ctrl-C stops after the batch in flight is rolled back, and <c>--resume</c> continues.
/// </summary>
internal static class ReindexCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var type = new Option<string?>("--type") { Description = "Only this resource type." };
        var project = new Option<string?>("--project") { Description = "Only this tenant (projectId); default: every tenant." };
        var resume = new Option<Guid?>("--resume") { Description = "Continue the reindex job with this id (printed when a run stops)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per transaction.", DefaultValueFactory = _ => ReindexRequest.DefaultBatchSize };
        var command = new Command("reindex", "Reindex rows whose __version is older than the indexer's (after a SearchParameter was added and migrated).")
        {
            type, project, resume, batchSize,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var typeName = parseResult.GetValue(type);
            if (typeName is not null && !FhirSchema.R4.TryGetResource(typeName, out _))
            {
                error.WriteLine($"'{typeName}' is not a resource type FhirEf stores.");
                return ExitCodes.Error;
            }

            await using var database = await openDatabase(cancellationToken);
            await using var storage = CliStorage.Create(database);
            var reindexer = storage.Reindexer;
            FhirJob job;
            ReindexRequest request;
            ReindexProgress progress;
            if (parseResult.GetValue(resume) is { } jobId)
            {
                job = await storage.Jobs.ResumeAsync(jobId, JobKinds.Reindex, TimeSpan.FromMinutes(1), cancellationToken)
                    ?? throw new InvalidOperationException($"Reindex job {jobId} cannot be resumed: it does not exist, is finished, or is running elsewhere.");
                request = job.RequestAs<ReindexRequest>();
                progress = job.ProgressAs<ReindexProgress>() ?? await reindexer.PlanAsync(request, cancellationToken);
            }
            else
            {
                request = new ReindexRequest(parseResult.GetValue(project), typeName, null) { BatchSize = parseResult.GetValue(batchSize) };
                job = await storage.Jobs.CreateAsync(JobKinds.Reindex, request, JobStatus.Running, cancellationToken);
                progress = await reindexer.PlanAsync(request, cancellationToken);
            }

            var elapsed = await CliProgress.RunAsync(output, "Reindex", progress.Total, async report =>
            {
                try
                {
                    progress = await reindexer.RunAsync(request, progress, async (current, token) =>
                    {
                        progress = current;
                        report(current.Processed, current.CurrentType ?? string.Empty);
                        return await storage.Jobs.SaveProgressAsync(job.Id, current, CancellationToken.None) == JobStatus.Running;
                    }, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl-C: the batch in flight rolled back; the stored progress is where --resume starts.
                }
            });

            if (progress.CurrentType is not null)
            {
                await storage.Jobs.FinishAsync(job.Id, JobStatus.Cancelled, null, CancellationToken.None);
                error.WriteLine($"Stopped after {progress.Processed:N0} resources; continue with: fhiref reindex --resume {job.Id}");
                return ExitCodes.Error;
            }

            await storage.Jobs.FinishAsync(job.Id, JobStatus.Completed, null, CancellationToken.None);
            output.WriteLine($"Reindexed {progress.Processed:N0} resources in {elapsed.TotalSeconds:N1} s " +
                $"({progress.Processed / Math.Max(elapsed.TotalSeconds, 0.001):N0}/s); job {job.Id}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
