using System.Diagnostics;
using Spectre.Console;

namespace FhirEf.Cli.Infrastructure;

/// <summary>
/// A Spectre.Console progress bar with the rate and the time left, written to the command's output (in tests,
/// a string writer: Spectre then draws only the final state).
/// </summary>
internal static class CliProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports the count done so far; the bar's end is <paramref name="total"/>.</summary>
    public static async Task<TimeSpan> RunAsync(TextWriter output, string title, long total, Func<Action<long, string>, Task> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: Math.Max(total, 1));
                await work((done, what) =>
                {
                    task.Value = Math.Min(done, task.MaxValue);
                    var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    task.Description = Markup.Escape($"{title} {what} {done:N0}/{total:N0} ({rate:N0}/s)");
                });
                task.Value = task.MaxValue;
            });
        return clock.Elapsed;
    }
}
