using System.Globalization;

namespace FhirEf.Benchmarks.Repository;

/// <summary>
/// <c>repo startup|creates|cache|content|all [--connection CS] [--count N] [--writers 16] [--runs 5] [--rounds 10]</c>:
/// the repository and schema figures of docs/benchmarks.md, each printed as one JSON line next to raw
/// Npgsql doing the same work in the same run. Without <c>--connection</c> a durable embedded cluster
/// under <c>.data/bench</c> is started and migrated.
/// </summary>
internal static class RepositoryLoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) =>
            options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        if (command == "startup-once")
        {
            await StartupBenchmark.RunOnceAsync(options["connection"]);
            return 0;
        }

        if (command is not ("startup" or "creates" or "cache" or "content" or "all"))
        {
            await Console.Error.WriteLineAsync(
                "usage: repo startup|creates|cache|content|all [--connection CS] [--count N] [--writers 16] [--runs 5] [--rounds 10]");
            return 2;
        }

        await using var database = await BenchDatabase.OpenAsync(options.GetValueOrDefault("connection"));
        var writers = Int("writers", 16);
        if (command is "startup" or "all")
        {
            await StartupBenchmark.RunAsync(database.ConnectionString, Int("runs", 5));
        }

        if (command is "creates" or "all")
        {
            await WriteBenchmark.RunAsync(database.ConnectionString, Int("count", 4000), writers);
        }

        if (command is "cache" or "all")
        {
            await CacheBenchmark.RunAsync(database.ConnectionString, Int("count", 1000), writers, Int("rounds", 10));
        }

        if (command is "content" or "all")
        {
            await ContentColumnBenchmark.RunAsync(database.ConnectionString, Int("count", 4000), writers);
        }

        return 0;
    }
}
