using System.Diagnostics;
using System.Text.Json;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Npgsql.Hosting;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// Issue 4's start-up figure: in a cold process, the R4 definitions and table schema (<see cref="FhirSchema.R4"/>),
/// the EF Core model built from it, and the first EF query. Several cold processes are run; the median is reported,
/// with each process's CPU time.
/// </summary>
internal static class StartupBenchmark
{
    /// <summary>Runs <paramref name="runs"/> child processes of this executable (<c>repo startup-once</c>) and reports the medians.</summary>
    public static async Task RunAsync(string connectionString, int runs)
    {
        var samples = new List<JsonElement>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "repo", "startup-once", "--connection", connectionString })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"startup-once exited with {process.ExitCode}: {output}");
            }

            samples.Add(JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone());
        }

        double Median(string name) => samples.Select(s => s.GetProperty(name).GetDouble()).Order().ElementAt(samples.Count / 2);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "startup",
            runs,
            schemaSeconds = Median("schemaSeconds"),
            modelSeconds = Median("modelSeconds"),
            firstQuerySeconds = Median("firstQuerySeconds"),
            totalSeconds = Median("totalSeconds"),
            rawFirstQuerySeconds = Median("rawFirstQuerySeconds"),
            processToMainSeconds = Median("processToMainSeconds"),
            processCpuSeconds = Median("processCpuSeconds"),
            samples = samples.Select(s => s.GetProperty("totalSeconds").GetDouble()),
        }));
    }

    /// <summary>One cold measurement; prints one JSON line.</summary>
    public static async Task RunOnceAsync(string connectionString)
    {
        var processToMain = DateTime.Now - Process.GetCurrentProcess().StartTime;

        // The database round trip FhirEf cannot avoid: a first Npgsql query on a fresh process.
        var raw = Stopwatch.StartNew();
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM \"Patient\" WHERE \"projectId\" = 'startup' LIMIT 1", connection);
            await command.ExecuteScalarAsync();
        }

        raw.Stop();

        var watch = Stopwatch.StartNew();
        var schema = FhirSchema.R4;
        var schemaSeconds = watch.Elapsed.TotalSeconds;
        await using var context = new FhirDbContext(FhirDbContextOptionsFactory.Create(connectionString)) { ProjectId = "startup" };
        _ = context.Model.GetEntityTypes().Count();
        var modelSeconds = watch.Elapsed.TotalSeconds - schemaSeconds;
        await context.Table("Patient").Select(r => EF.Property<string>(r, "id")).FirstOrDefaultAsync();
        var total = watch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            tables = schema.Resources.Count,
            schemaSeconds,
            modelSeconds,
            firstQuerySeconds = total - schemaSeconds - modelSeconds,
            totalSeconds = total,
            rawFirstQuerySeconds = raw.Elapsed.TotalSeconds,
            processToMainSeconds = processToMain.TotalSeconds,

            // User + system CPU of the whole process (runtime start, the raw query, the above): on a shared
            // machine a steadier figure than elapsed time, which other processes' load stretches.
            processCpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
        }));
    }
}
