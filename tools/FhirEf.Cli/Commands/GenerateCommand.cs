using System.CommandLine;
using FhirEf.Cli.Generate;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Configuration;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref generate --resources N</c>: a large realistic database from the Synthea bundles (by default
/// <c>../shared/data/synthea-r4-2019-transaction-bundles</c>, else <c>tests/data/synthea</c>), cloned with
/// fresh ids and shifted dates (<see cref="SyntheaCloner"/>) and written through the bulk writer.
/// <c>--compare-raw-copy</c> also copies the very same rows with plain binary COPY into a second tenant,
/// batch by batch in the same run, and prints both rates: the "Bulk import" benchmark of docs/benchmarks.md.
/// </summary>
internal static class GenerateCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var resources = new Option<int>("--resources") { Description = "How many resources to write.", Required = true };
        var source = new Option<string?>("--source") { Description = "A folder of Synthea transaction bundles (*.json)." };
        var project = new Option<string>("--project") { Description = "The tenant (project) to write into.", DefaultValueFactory = _ => TenantContext.DefaultProjectId };
        var batchSize = new Option<int>("--batch-size") { Description = "Resources per transaction.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of ids and date shifts.", DefaultValueFactory = _ => Environment.TickCount };
        var compare = new Option<bool>("--compare-raw-copy") { Description = "Also COPY the same rows raw into the tenant '<project>-raw' and print both rates." };
        var command = new Command("generate", "Generate a large database by cloning Synthea patients (fresh ids, shifted dates), written with the bulk writer.")
        {
            resources, source, project, batchSize, seed, compare,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var folder = parseResult.GetValue(source) ?? DefaultSource();
            var cloner = SyntheaCloner.FromFolder(folder, parseResult.GetValue(seed));
            await using var database = await openDatabase(cancellationToken);
            var tenant = parseResult.GetRequiredValue(project);
            await using var storage = CliStorage.Create(database, tenant);
            var run = new GenerationRun(storage, tenant, parseResult.GetValue(compare), parseResult.GetValue(batchSize));
            try
            {
                await run.ExecuteAsync(cloner, parseResult.GetRequiredValue(resources), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"Stopped after {run.Written} resources (every committed batch is kept).");
                return ImportCommand.Stopped;
            }

            run.Report(output, folder);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string DefaultSource()
    {
        var root = FhirEfRoot.Find();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "synthea-r4-2019-transaction-bundles"));
        return Directory.Exists(shared) ? shared : Path.Combine(root, "tests", "data", "synthea");
    }
}
