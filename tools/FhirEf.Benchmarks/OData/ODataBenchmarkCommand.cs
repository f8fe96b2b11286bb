using System.Diagnostics;
using System.Globalization;
using FhirEf.Admin.Edm;
using FhirEf.Core.Configuration;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Diagnostics;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Npgsql;

namespace FhirEf.Benchmarks.OData;

/// <summary>
/// docs/benchmarks.md, "Admin OData": times reporting queries through the query service the <c>/odata</c>
/// endpoint calls (<see cref="IReportingQueryService"/>: ODataUriParser's tree → LINQ → EF Core → PostgreSQL
/// → rows), without HTTP, JSON writing or authentication, next to hand-written SQL returning the same rows
/// in the same run, alternating the two. Prints p50/p95 per query and the SQL EF Core generated, which
/// shows filtering, grouping and paging in PostgreSQL.
/// <code>
/// odata [--connection CS] --project P [--runs 30] [--warmup 3] [--code 8302-2]
/// </code>
/// Without <c>--connection</c>, the configured database (or embedded cluster) is used.
/// </summary>
internal static class ODataBenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1], StringComparer.Ordinal);
        if (!options.TryGetValue("project", out var project))
        {
            Console.Error.WriteLine("usage: odata [--connection CS] --project P [--runs 30] [--warmup 3] [--code 8302-2]");
            return 2;
        }

        var runs = int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture);
        var code = options.GetValueOrDefault("code", "8302-2");
        var root = FhirEfRoot.Find();
        var overrides = new Dictionary<string, string?>
        {
            ["Fhir:OData:MaxPageSize"] = "100",
            ["Fhir:OData:StatementTimeoutSeconds"] = "600",
        };
        if (options.TryGetValue("connection", out var connection))
        {
            overrides["ConnectionStrings:Fhir"] = connection;
        }

        var configuration = FhirEfConfiguration.Build(root, overrides);
        var sql = new SqlCommandLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter(SqlCommandLog.Category, LogLevel.Information).AddProvider(sql));
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        services.AddFhirEfPostgres(configuration, root);
        services.AddFhirEfReporting(configuration);
        await using var provider = services.BuildServiceProvider();
        var endpoint = provider.GetRequiredService<FhirDatabaseEndpoint>();
        await endpoint.StartAsync(default);
        var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
        await using var scope = provider.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IReportingQueryService>();
        var model = FhirEdmModelBuilder.Build(provider.GetRequiredService<FhirSchema>());

        // A freshly generated or imported database has no planner statistics yet: both sides get the same ones.
        await using (var analyze = dataSource.CreateCommand("ANALYZE \"Observation\", \"Patient\", \"Observation_References\""))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"# Admin OData benchmark: project {project}, {runs} runs after {warmup} warm-up, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"# Observations in the project: {await ScalarAsync(dataSource, "SELECT count(*) FROM \"Observation\" WHERE \"projectId\" = $1 AND NOT deleted", project)}");
        foreach (var benchmark in ODataBenchmarkQueries.All(code))
        {
            var query = new ReportingQuery(Parse(model, benchmark.Url), ReportingScope.Of(project), PageSize: 100);
            var service = new List<double>();
            var raw = new List<double>();
            int serviceRows = 0, rawRows = 0;
            for (var i = 0; i < warmup + runs; i++)
            {
                sql.Commands.Clear();
                var clock = Stopwatch.StartNew();
                serviceRows = (await queries.QueryAsync(query, default)).Rows.Count;
                var serviceTime = clock.Elapsed.TotalMilliseconds;
                clock.Restart();
                rawRows = await RawAsync(dataSource, benchmark.Sql, project, code);
                var rawTime = clock.Elapsed.TotalMilliseconds;
                if (i >= warmup)
                {
                    service.Add(serviceTime);
                    raw.Add(rawTime);
                }
            }

            // The service reads one row past a page to know whether a next link follows; so does the raw SQL.
            if (serviceRows != Math.Min(rawRows, query.PageSize))
            {
                Console.Error.WriteLine($"{benchmark.Name}: the service returned {serviceRows} rows, the raw SQL {rawRows}");
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine($"## {benchmark.Name}: {serviceRows} rows");
            Console.WriteLine($"GET /odata/{benchmark.Url}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| query service | p50 {Percentile(service, 0.50):F2} ms | p95 {Percentile(service, 0.95):F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| raw SQL (Npgsql) | p50 {Percentile(raw, 0.50):F2} ms | p95 {Percentile(raw, 0.95):F2} ms |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| ratio | p50 {Percentile(service, 0.50) / Percentile(raw, 0.50):F2}x | p95 {Percentile(service, 0.95) / Percentile(raw, 0.95):F2}x |"));
            Console.WriteLine("EF Core's SQL:");
            foreach (var command in sql.Commands)
            {
                Console.WriteLine(command);
            }

            Console.WriteLine("Raw SQL:");
            Console.WriteLine(benchmark.Sql);
        }

        return 0;
    }

    private static ODataUri Parse(IEdmModel model, string relative)
    {
        var serviceRoot = new Uri("http://localhost/odata/");
        var parser = new ODataUriParser(model, serviceRoot, new Uri(serviceRoot, relative))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = false },
        };
        parser.Settings.MaximumExpansionDepth = 1;
        return parser.ParseUri();
    }

    /// <summary>Runs the hand-written statement ($1 project, $2 code) and reads every column of every row.</summary>
    private static async Task<int> RawAsync(NpgsqlDataSource dataSource, string sql, string project, string code)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = project });
        if (sql.Contains("$2", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = code });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql, string project)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = project });
        return await command.ExecuteScalarAsync();
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(fraction * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
