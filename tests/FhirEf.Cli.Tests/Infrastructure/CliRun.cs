using System.CommandLine;
using FhirEf.Cli.Commands;
using FhirEf.Cli.Infrastructure;

namespace FhirEf.Cli.Tests.Infrastructure;

/// <summary>Runs <c>fhiref</c> commands in-process, capturing what they write and their exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The real command tree (commands that need no database).</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(FhirEfCommandLine.Build(), args);

    /// <summary><c>fhiref schema …</c> against the database <paramref name="connectionString"/> names.</summary>
    public static Task<CliRun> RunSchemaAsync(string connectionString, params string[] args) =>
        RunAsync(new RootCommand { SchemaCommands.Build(_ => Task.FromResult(CliDatabase.Connect(connectionString))) }, ["schema", .. args]);

    /// <summary><c>fhiref reindex|export|stats …</c> against the database <paramref name="connectionString"/> names.</summary>
    public static Task<CliRun> RunDataAsync(string connectionString, params string[] args)
    {
        Func<CancellationToken, Task<CliDatabase>> open = _ => Task.FromResult(CliDatabase.Connect(connectionString));
        return RunAsync(new RootCommand { ReindexCommand.Build(open), ExportCommand.Build(open), StatsCommand.Build(open) }, args);
    }
    /// <summary><c>fhiref import …</c> against the database <paramref name="connectionString"/> names.</summary>
    public static Task<CliRun> RunImportAsync(string connectionString, params string[] args) =>
        RunAsync(new RootCommand { ImportCommand.Build(_ => Task.FromResult(CliDatabase.Connect(connectionString))) }, ["import", .. args]);

    /// <summary><c>fhiref generate …</c> against the database <paramref name="connectionString"/> names.</summary>
    public static Task<CliRun> RunGenerateAsync(string connectionString, params string[] args) =>
        RunAsync(new RootCommand { GenerateCommand.Build(_ => Task.FromResult(CliDatabase.Connect(connectionString))) }, ["generate", .. args]);

    private static async Task<CliRun> RunAsync(RootCommand root, string[] args)
    {
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
