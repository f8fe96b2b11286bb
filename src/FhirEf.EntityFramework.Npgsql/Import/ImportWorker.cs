using FhirEf.Core.Abstractions;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Npgsql.Storage.Bulk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// Runs import jobs, oldest first, one at a time, each in its own tenant. At start it finds the jobs a
/// crash left running and resumes them from their committed positions; afterwards it wakes on a
/// submission (<see cref="ImportSignal"/>) or every <see cref="ImportOptions.PollSeconds"/>.
/// </summary>
public sealed class ImportWorker(IServiceProvider services, ImportSignal signal, IOptions<ImportOptions> options, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunUnfinishedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                // A database outage or an unreadable job must not stop the host; committed progress is safe.
                logger.LogInformation(e, "The import worker could not run its jobs; it tries again.");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunUnfinishedAsync(CancellationToken cancellationToken)
    {
        List<(string ProjectId, string Id)> jobs;
        await using (var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken))
        {
            jobs = await ImportJobStore.UnfinishedAsync(connection, cancellationToken);
        }

        foreach (var (projectId, id) in jobs)
        {
            await using var scope = services.CreateAsyncScope();
            await using var session = ActivatorUtilities.CreateInstance<FhirSession>(scope.ServiceProvider, new TenantContext(projectId));
            var writer = ActivatorUtilities.CreateInstance<NpgsqlBulkWriter>(scope.ServiceProvider, session);
            var runner = new ImportRunner(
                session,
                writer,
                scope.ServiceProvider.GetRequiredService<FhirSchema>(),
                scope.ServiceProvider.GetRequiredService<WriteRetry>(),
                scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                scope.ServiceProvider.GetRequiredService<ImportSources>(),
                options.Value.BatchSize,
                options.Value.BatchKilobytes);
            logger.LogInformation("Import job {JobId} of project {ProjectId} starts (or resumes).", id, projectId);
            if (await runner.RunAsync(id, progress: null, cancellationToken) is not { } job)
            {
                continue; // Another server runs it.
            }

            logger.LogInformation("Import job {JobId} is {Status}: {Resources} resources, {Errors} errors.", id, job.Status, job.Resources, job.Errors);
        }
    }
}
