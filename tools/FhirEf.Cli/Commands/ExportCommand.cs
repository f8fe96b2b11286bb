using System.CommandLine;
using System.Globalization;
using FhirEf.Cli.Infrastructure;
using FhirEf.Core.Jobs;
using FhirEf.Core.Schema;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref export --output DIR [--type T]… [--since INSTANT] [--project P]</c>: one NDJSON file per type, as a
/// system-level <c>$export</c> writes them, straight from the database to the folder (no server needed), as many
/// types at a time as <c>Fhir:Export:Parallelism</c> says.
/// </summary>
internal static class ExportCommand
{
    public static Command Build(Func<CancellationToken, Task<CliDatabase>> openDatabase)
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "Folder to write [Type].ndjson files to (created if missing).", Required = true };
        var types = new Option<string[]>("--type") { Description = "Only these resource types (repeat or comma-separate).", AllowMultipleArgumentsPerToken = true };
        var since = new Option<string?>("--since") { Description = "Only resources changed after this instant (e.g. 2026-01-01T00:00:00Z)." };
        var project = new Option<string?>("--project") { Description = "The tenant (projectId); default: Fhir:Tenancy:DefaultProjectId." };
        var command = new Command("export", "Export resources as NDJSON files, one per type (Bulk Data format).") { output, types, since, project };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var typeNames = (parseResult.GetValue(types) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (typeNames.FirstOrDefault(t => !FhirSchema.R4.TryGetResource(t, out _)) is { } unknown)
            {
                error.WriteLine($"'{unknown}' is not a resource type FhirEf stores.");
                return ExitCodes.Error;
            }

            DateTimeOffset? sinceValue = null;
            if (parseResult.GetValue(since) is { } sinceText)
            {
                if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    error.WriteLine($"--since '{sinceText}' is not an instant (for example 2026-01-01T00:00:00Z).");
                    return ExitCodes.Error;
                }

                sinceValue = parsed;
            }

            var folder = parseResult.GetValue(output)!;
            folder.Create();
            await using var database = await openDatabase(cancellationToken);
            await using var storage = CliStorage.Create(database);
            var request = new ExportRequest(
                parseResult.GetValue(project) ?? storage.DefaultProjectId, ExportLevel.System, null, typeNames, sinceValue, [], "fhiref export");
            var plan = storage.Exporter.Plan(request);
            var files = new List<ExportFile>();
            long exported = 0;
            var elapsed = await CliProgress.RunAsync(console, "Export", plan.Count, async report =>
            {
                try
                {
                    await storage.Exporter.WriteTypesAsync(
                        request,
                        plan,
                        folder.FullName,
                        null,
                        (_, _) => Task.FromResult(!cancellationToken.IsCancellationRequested),
                        file =>
                        {
                            // The streams finish concurrently: one at a time updates the list and the bar.
                            lock (files)
                            {
                                files.Add(file);
                                exported += file.Count;
                                report(files.Count, file.Type);
                            }

                            return Task.FromResult(!cancellationToken.IsCancellationRequested);
                        },
                        cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl-C: the streams were cancelled; what was finished is listed below.
                }
            });

            var order = plan.Index().ToDictionary(p => p.Item, p => p.Index, StringComparer.Ordinal);
            files = [.. files.Where(f => f.Count > 0).OrderBy(f => order[f.Type])];
            foreach (var file in files)
            {
                console.WriteLine($"{file.Name}\t{file.Count}");
            }

            if (cancellationToken.IsCancellationRequested)
            {
                error.WriteLine("Stopped: the files listed are complete; the types being written when stopped may be partial.");
                return ExitCodes.Error;
            }

            console.WriteLine($"Exported {exported:N0} resources in {files.Count} file(s) to {folder.FullName} in {elapsed.TotalSeconds:N1} s " +
                $"({exported / Math.Max(elapsed.TotalSeconds, 0.001):N0}/s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
