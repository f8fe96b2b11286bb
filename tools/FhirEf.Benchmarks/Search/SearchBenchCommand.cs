using System.Globalization;
using System.Text;
using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Npgsql;

namespace FhirEf.Benchmarks.Search;

/// <summary>
/// <c>search --connection CS --project P [--runs 50] [--warmup 5] [--seed 42] [--plans true] [--only name,…]</c>: the canonical searches of
/// docs/benchmarks.md ("Search on 1,000,000 resources") through <see cref="IFhirSearchService"/> next to
/// their hand-written SQL, in the same run. Per search: one capture pass (the ids of both must be equal,
/// else the command fails; the SQL EF Core sent is EXPLAINed), a warm-up, then <c>runs</c> alternating
/// timings of the two. Prints a Markdown table; <c>--plans true</c> also writes the SQL of each search and its
/// EXPLAIN ANALYZE to standard error; <c>--only</c> runs the named searches alone (for profiling one of them).
/// </summary>
internal static class SearchBenchCommand
{
    private const double SimpleTargetMs = 50;
    private const double ComplexTargetMs = 200;
    private const double RatioTarget = 1.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        if (!options.TryGetValue("connection", out var connectionString) || !options.TryGetValue("project", out var projectId))
        {
            await Console.Error.WriteLineAsync("usage: search --connection CS --project ID [--runs 50] [--warmup 5] [--seed 42] [--plans true] [--only name,…]");
            return 2;
        }

        var runs = int.Parse(options.GetValueOrDefault("runs", "50"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "5"), CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture);
        var plans = bool.Parse(options.GetValueOrDefault("plans", "false"));

        // The server's data source (auto-prepared statements) for both sides: the same connections, the same preparation.
        await using var dataSource = FhirDataSource.Create(connectionString);
        var samples = await SearchSamples.LoadAsync(dataSource, projectId, seed);
        var searches = CanonicalSearches.Build(samples);
        if (options.TryGetValue("only", out var only))
        {
            var names = only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            searches = [.. searches.Where(s => names.Contains(s.Name, StringComparer.Ordinal))];
        }
        var capture = new CommandCapture();
        await using var captureHost = new SearchHost(dataSource, projectId, capture);
        await using var host = new SearchHost(dataSource, projectId);

        using var compilations = new QueryCompilationCounter();
        var results = new List<Measured>();
        foreach (var search in searches)
        {
            capture.Clear();
            var entries = (await captureHost.SearchAsync(search.Request)).Entries;
            var commands = capture.Commands.ToList();
            var rows = await SqlSearch.RunAsync(dataSource, projectId, search);
            AssertSameRows(search, entries, rows);
            if (plans)
            {
                await Console.Error.WriteLineAsync($"== {search.Name}: {search.Url}\n{await PlanInspector.DescribeAsync(dataSource, commands)}");
            }

            for (var i = 0; i < warmup; i++)
            {
                await host.SearchAsync(search.Request);
                await SqlSearch.RunAsync(dataSource, projectId, search);
            }

            var compiledBefore = compilations.Count;
            var fhir = new Latency();
            var sql = new Latency();
            for (var i = 0; i < runs; i++)
            {
                await fhir.TimeAsync(() => host.SearchAsync(search.Request));
                await sql.TimeAsync(() => SqlSearch.RunAsync(dataSource, projectId, search));
            }

            var compiled = compilations.Count - compiledBefore;
            var measured = new Measured(search, fhir, sql, compiled, entries.Count(e => e.Mode == SearchEntryMode.Match), entries.Count(e => e.Mode == SearchEntryMode.Include),
                commands.Count,
                await PlanInspector.SequentialScansAsync(dataSource, commands, seqScanOff: false),
                await PlanInspector.SequentialScansAsync(dataSource, commands, seqScanOff: true));
            results.Add(measured);
            await Console.Error.WriteLineAsync($"{search.Name}: p50 {measured.Fhir.Percentile(0.5):F1} ms, SQL p50 {measured.Sql.Percentile(0.5):F1} ms");
        }

        Console.WriteLine(Report(samples, results, runs, warmup, seed, compilations.Count));
        return 0;
    }

    /// <summary>The page must hold the same ids in the same order, and the includes the same ids (their order is unspecified).</summary>
    private static void AssertSameRows(CanonicalSearch search, IReadOnlyList<SearchEntry> entries, List<(string Kind, string Id)> rows)
    {
        var fhirMatches = entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id).ToList();
        var sqlMatches = rows.Where(r => r.Kind == "match").Select(r => r.Id).ToList();
        var fhirIncludes = entries.Where(e => e.Mode == SearchEntryMode.Include).Select(e => e.Resource.Id).Order(StringComparer.Ordinal).ToList();
        var sqlIncludes = rows.Where(r => r.Kind == "include").Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        if (!fhirMatches.SequenceEqual(sqlMatches) || !fhirIncludes.SequenceEqual(sqlIncludes))
        {
            throw new InvalidOperationException(
                $"{search.Name}: the search and its SQL return different rows.\n{search.Url}\n" +
                $"search matches ({fhirMatches.Count}): {string.Join(", ", fhirMatches)}\nSQL matches ({sqlMatches.Count}): {string.Join(", ", sqlMatches)}\n" +
                $"search includes ({fhirIncludes.Count}): {string.Join(", ", fhirIncludes)}\nSQL includes ({sqlIncludes.Count}): {string.Join(", ", sqlIncludes)}");
        }
    }

    private static string Report(SearchSamples samples, List<Measured> results, int runs, int warmup, int seed, int compilations)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Samples (seed {seed}): {samples}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{runs} timed runs per search after {warmup} warm-up runs, FhirEf and SQL alternating; milliseconds.");
        text.AppendLine(CultureInfo.InvariantCulture, $"EF Core query compilations in the whole run: {compilations}.");
        text.AppendLine();
        text.AppendLine("| # | search | kind | p50 | p95 | SQL p50 | SQL p95 | ratio p50 | ratio p95 | target | seq scan | seq scan, enable_seqscan=off | rows (matches + includes) |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|");
        var n = 0;
        foreach (var r in results)
        {
            var (p50, p95, s50, s95) = (r.Fhir.Percentile(0.5), r.Fhir.Percentile(0.95), r.Sql.Percentile(0.5), r.Sql.Percentile(0.95));
            var limit = r.Search.Kind == SearchKind.Simple ? SimpleTargetMs : ComplexTargetMs;
            var met = p95 <= limit && p95 / s95 <= RatioTarget ? "met" : p95 <= limit ? "**ratio missed**" : "**missed**";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {++n} | {r.Search.Name} | {r.Search.Kind.ToString().ToLowerInvariant()} | {p50:F1} | {p95:F1} | {s50:F1} | {s95:F1} | {p50 / s50:F2} | {p95 / s95:F2} | {met} | " +
                $"{Scans(r.SeqScans)} | {Scans(r.SeqScansWhenOff)} | {r.Matches} + {r.Includes} |");
        }

        text.AppendLine();
        text.AppendLine("| # | search | SQL statements | EF query compilations in the timed runs |");
        text.AppendLine("|---|---|---:|---:|");
        n = 0;
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {++n} | `{r.Search.Url.Replace("|", "\\|", StringComparison.Ordinal)}` | {r.Statements} | {r.Compilations} |");
        }

        return text.ToString();
    }

    private static string Scans(IReadOnlyList<string> tables) => tables.Count == 0 ? "no" : "yes: " + string.Join(", ", tables);

    private sealed record Measured(
        CanonicalSearch Search, Latency Fhir, Latency Sql, int Compilations, int Matches, int Includes, int Statements,
        IReadOnlyList<string> SeqScans, IReadOnlyList<string> SeqScansWhenOff);
}
