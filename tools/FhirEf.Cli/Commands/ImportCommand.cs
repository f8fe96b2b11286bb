using System.CommandLine;
using System.Diagnostics;
using FhirEf.Cli.Import;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Bulk;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Import;
using FhirEf.EntityFramework.Npgsql.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref import &lt;files or folders&gt;</c>: NDJSON, Bundle JSON, each optionally <c>.gz</c>, through the
/// bulk writer in batches. The job and each file's committed position are kept in the database
/// (<c>"_ImportJobs"</c>), in the batch's own transaction, so rerunning the same command after a crash or
/// Ctrl-C resumes where it stopped without writing anything twice. <c>--index-later</c> loads now and
/// indexes later (<see cref="ImportIndexing.Later"/>). Exit codes: 0 done, 1 an input could not be read,
/// 130 stopped (resumable).
/// </summary>
internal static class ImportCommand
{
    public const int Stopped = 130;

    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var paths = new Argument<string[]>("paths") { Description = "NDJSON (.ndjson), Bundle or resource JSON (.json) files, .gz accepted, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var batchSize = new Option<int>("--batch-size") { Description = "Resources per transaction.", DefaultValueFactory = _ => 2_000 };
        var project = new Option<string>("--project") { Description = "The tenant (project) to import into.", DefaultValueFactory = _ => TenantContext.DefaultProjectId };
        var indexLater = new Option<bool>("--index-later")
        {
            Description = "Load now, index later: store content and history only (readable at once) and queue a reindex job that makes the resources searchable.",
        };
        var command = new Command("import", "Import FHIR resources from NDJSON and Bundle files (resumable: rerun the same command to continue).")
        {
            paths,
            batchSize,
            project,
            indexLater,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            List<ImportInput> inputs;
            try
            {
                inputs = ImportFiles.Expand(parseResult.GetRequiredValue(paths));
            }
            catch (FileNotFoundException e)
            {
                error.WriteLine($"fhiref import: {e.Message}");
                return ExitCodes.Error;
            }

            await using var database = await openDatabase(cancellationToken);
            await using var storage = CliStorage.Create(database, parseResult.GetRequiredValue(project));
            await using var scope = storage.CreateScope();
            var provider = scope.ServiceProvider;
            var runner = new ImportRunner(
                provider.GetRequiredService<FhirSession>(),
                provider.GetRequiredService<IFhirBulkWriter>(),
                provider.GetRequiredService<FhirSchema>(),
                provider.GetRequiredService<WriteRetry>(),
                provider.GetRequiredService<TimeProvider>(),
                ImportSources.LocalFiles,
                parseResult.GetValue(batchSize));
            var indexing = parseResult.GetValue(indexLater) ? ImportIndexing.Later : ImportIndexing.Now;
            return await RunAsync(runner, inputs, indexing, output, error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ImportRunner runner, List<ImportInput> inputs, ImportIndexing indexing, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var id = ImportFiles.JobId(inputs);
        var existing = await runner.GetAsync(id, cancellationToken);
        if (existing is { Finished: true })
        {
            await runner.DeleteAsync(id, cancellationToken);
            existing = null;
        }

        if (existing is null)
        {
            await runner.CreateAsync(id, inputs, indexing, cancellationToken);
        }
        else
        {
            // A resumed job keeps the indexing it started with: its committed batches were written that way.
            output.WriteLine($"Resuming import {id}: {existing.Inputs.Count(i => i.Done)} of {existing.Inputs.Count} files done, {existing.Resources} resources stored" +
                (existing.Indexing == ImportIndexing.Later ? ", indexing later." : "."));
        }

        var totalBytes = inputs.Where(i => existing?.Inputs.First(p => p.Input.Url == i.Url).Done != true).Sum(i => new FileInfo(i.Url).Length);
        var stopwatch = Stopwatch.StartNew();
        ImportJob? job;
        try
        {
            job = await ImportProgressDisplay.RunAsync(output, totalBytes, progress => runner.RunAsync(id, progress, cancellationToken));
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("fhiref import: stopped. Every committed batch is kept; run the same command again to resume.");
            return Stopped;
        }

        if (job is null)
        {
            error.WriteLine($"fhiref import: import {id} is running in another process.");
            return ExitCodes.Error;
        }

        var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
        output.WriteLine($"Import {id}: {job.Status.ToString().ToLowerInvariant()}, {job.Resources} resources stored, {job.Errors} refused, " +
            $"{inputs.Count} files, {seconds:F1} s this run.");
        if (job.Status == ImportJobStatus.Failed)
        {
            error.WriteLine($"fhiref import: {job.Message}");
            return ExitCodes.Error;
        }

        if (job.ReindexJobId is { } reindex)
        {
            output.WriteLine($"Stored without search indexes: readable now, searchable once reindex job {reindex} has run " +
                $"(a running server's job worker takes it up, or run it here: fhiref reindex --resume {reindex}).");
        }

        foreach (var inputProgress in job.Inputs.Where(i => i.Errors > 0))
        {
            error.WriteLine($"{inputProgress.Input.Url}: {inputProgress.Errors} resource(s) refused.");
        }

        return ExitCodes.Success;
    }
}
