using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FhirEf.Cli.Commands;
using FhirEf.Cli.Generate;
using FhirEf.Cli.Infrastructure;
using Spectre.Console;

namespace FhirEf.Cli.Bench;

/// <summary>
/// <c>fhiref bench [--resources N] [--json]</c>: the bulk-data scenarios of docs/benchmarks.md in one run, each
/// next to raw PostgreSQL doing the same rows: import (bulk writer vs raw binary COPY of the same rows, in
/// <c>fhiref generate --compare-raw-copy</c>'s way), the same for load-now-index-later, export (<c>BulkExporter</c> vs raw <c>COPY … TO STDOUT</c>) and
/// reindex (<c>Reindexer</c> vs a raw <c>UPDATE</c>). It writes into fresh tenants (<c>bench-xxxxxxxx</c>, <c>…-later</c> and
/// their <c>…-raw</c>) and deletes them at the end unless <c>--keep</c>. The HTTP, search and start-up figures need a
/// server or cold processes and stay in <c>tools/FhirEf.Benchmarks</c> and <c>tools/bench/</c>.
/// </summary>
internal static class BenchCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var resources = new Option<int>("--resources") { Description = "Synthea resources to import, then export and reindex.", DefaultValueFactory = _ => 20_000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Resources per import transaction.", DefaultValueFactory = _ => 2_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the cloned ids and date shifts.", DefaultValueFactory = _ => 1 };
        var source = new Option<string?>("--source") { Description = "A folder of Synthea transaction bundles (*.json)." };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table." };
        var keep = new Option<bool>("--keep") { Description = "Keep the bench tenants' rows instead of deleting them." };
        var command = new Command("bench", "Run the import, export and reindex benchmarks, each next to raw PostgreSQL, and print the table.")
        {
            resources, batchSize, seed, source, json, keep,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var count = parseResult.GetValue(resources);
            if (count < 1)
            {
                parseResult.InvocationConfiguration.Error.WriteLine("--resources must be at least 1.");
                return ExitCodes.Error;
            }

            var tenant = "bench-" + Guid.NewGuid().ToString("N")[..8];
            await using var database = await openDatabase(cancellationToken);
            await using var storage = CliStorage.Create(database, tenant);
            var log = parseResult.GetValue(json) ? TextWriter.Null : output;
            var measures = new List<BenchMeasure>();
            var import = new GenerationRun(storage, tenant, compare: true, parseResult.GetValue(batchSize));
            var laterTenant = tenant + "-later";
            await using var laterStorage = CliStorage.Create(database, laterTenant);
            var later = new GenerationRun(laterStorage, laterTenant, compare: true, parseResult.GetValue(batchSize), indexLater: true);
            try
            {
                var folder = parseResult.GetValue(source) ?? GenerateCommand.DefaultSource();
                log.WriteLine($"import: {count:N0} cloned Synthea resources into '{tenant}', the same rows raw into '{tenant}-raw'…");
                await import.ExecuteAsync(SyntheaCloner.FromFolder(folder, parseResult.GetValue(seed)), count, cancellationToken);
                measures.Add(new BenchMeasure("import", import.Written, import.BulkElapsed, import.RawElapsed,
                    $"bulk writer, batches of {parseResult.GetValue(batchSize):N0}", "binary COPY of the same rows"));
                log.WriteLine("export…");
                measures.Add(await ExportScenario.RunAsync(storage, tenant, cancellationToken));
                log.WriteLine("reindex…");
                measures.Add(await ReindexScenario.RunAsync(storage, tenant, cancellationToken));

                // Last: its rows are stale (__version 0), and the reindex walks every tenant's stale rows in its index.
                log.WriteLine($"import, index later: the same resources (other ids) into '{laterTenant}', raw into '{laterTenant}-raw'…");
                await later.ExecuteAsync(SyntheaCloner.FromFolder(folder, parseResult.GetValue(seed) + 1), count, cancellationToken);
                measures.Add(new BenchMeasure("import, index later", later.Written, later.BulkElapsed, later.RawElapsed,
                    "bulk writer with IndexLater: content, meta and history; searchable after the reindex", "binary COPY of the same unindexed rows"));
            }
            finally
            {
                if (!parseResult.GetValue(keep))
                {
                    await BenchSql.DeleteTenantsAsync(storage.DataSource, [tenant, tenant + "-raw", laterTenant, laterTenant + "-raw"], CancellationToken.None);
                }
            }

            var memory = new { allocatedPerImportBatchMiB = Math.Round(import.AllocatedMebibytesPerBatch), peakWorkingSetMiB = Math.Round(PeakMemory.MebibytesOf() ?? 0) };
            if (parseResult.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { date = DateTimeOffset.UtcNow, cores = Environment.ProcessorCount, measures = measures.Select(Json), memory }));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("scenario", "resources", "FhirEf /s", "raw /s", "FhirEf / raw");
            foreach (var m in measures)
            {
                table.AddRow(m.Scenario, $"{m.Resources:N0}", $"{m.FhirEfPerSecond:N0}", $"{m.RawPerSecond:N0}", $"{m.Ratio:P0}");
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
            foreach (var m in measures)
            {
                output.WriteLine($"{m.Scenario}: FhirEf = {m.FhirEfDoes}; raw = {m.RawDoes}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores; allocated per import batch {memory.allocatedPerImportBatchMiB} MiB; peak working set of this process {memory.peakWorkingSetMiB} MiB"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static object Json(BenchMeasure m) => new
    {
        scenario = m.Scenario,
        resources = m.Resources,
        fhirEfSeconds = Math.Round(m.FhirEf.TotalSeconds, 2),
        rawSeconds = Math.Round(m.Raw.TotalSeconds, 2),
        fhirEfPerSecond = Math.Round(m.FhirEfPerSecond),
        rawPerSecond = Math.Round(m.RawPerSecond),
        ratio = Math.Round(m.Ratio, 3),
        fhirEfDoes = m.FhirEfDoes,
        rawDoes = m.RawDoes,
    };
}
