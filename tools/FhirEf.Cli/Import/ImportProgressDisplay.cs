using FhirEf.Core.Bulk;
using FhirEf.EntityFramework.Npgsql.Import;
using Spectre.Console;

namespace FhirEf.Cli.Import;

/// <summary>
/// A progress bar over the input bytes with the resource rate and the ETA, when the output is a terminal;
/// otherwise (redirected, tests) the import runs silently and only the summary is printed.
/// </summary>
internal static class ImportProgressDisplay
{
    public static async Task<ImportJob?> RunAsync(TextWriter output, long totalBytes, Func<IProgress<ImportProgress>, Task<ImportJob?>> run)
    {
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return await run(new Progress<ImportProgress>(_ => { }));
        }

        ImportJob? job = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("importing", maxValue: Math.Max(totalBytes, 1));
                var started = DateTime.UtcNow;
                var progress = new SynchronousProgress(p =>
                {
                    var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
                    task.Value = Math.Min(p.Bytes, totalBytes);
                    task.Description = $"{p.Resources:N0} resources, {p.Resources / seconds:N0}/s, {p.Errors:N0} refused";
                });
                job = await run(progress);
                task.Value = task.MaxValue;
            });
        return job;
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
