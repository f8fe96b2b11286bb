using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace FhirEf.Benchmarks.Rest;

/// <summary>
/// The load generators behind tools/bench/rest.sh (docs/benchmarks.md, REST sections):
/// <c>rest ingest</c> posts Synthea transaction bundles and reports resources per second;
/// <c>rest raw-read</c> reads the same rows straight through Npgsql, as many connections as wrk uses,
/// so that HTTP reads can be compared with the database in the same run. Each prints one JSON line.
/// </summary>
internal static class RestLoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args.Skip(1));
        switch (args.FirstOrDefault())
        {
            case "ingest":
                await IngestAsync(
                    new Uri(options["base"].TrimEnd('/') + "/"),
                    options["bundles"],
                    int.Parse(options.GetValueOrDefault("count", "100"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("parallel", "1"), CultureInfo.InvariantCulture),
                    options["ids-out"]);
                return 0;
            case "raw-read":
                await RawReadAsync(
                    options["connection"],
                    options["project"],
                    options["ids"],
                    int.Parse(options.GetValueOrDefault("connections", "64"), CultureInfo.InvariantCulture),
                    int.Parse(options.GetValueOrDefault("seconds", "30"), CultureInfo.InvariantCulture));
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: rest ingest --base URL --bundles DIR [--count 100] [--parallel 1] --ids-out FILE\n"
                    + "       rest raw-read --connection CS --project ID --ids FILE [--connections 64] [--seconds 30]");
                return 2;
        }
    }

    /// <summary>Posts the first <paramref name="count"/> bundles, <paramref name="parallel"/> at a time; writes the created "Type/id"s.</summary>
    private static async Task IngestAsync(Uri baseUrl, string folder, int count, int parallel, string idsOut)
    {
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(count).ToArray();
        var bodies = files.Select(File.ReadAllBytes).ToArray();
        using var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
        var locations = new List<string>[bodies.Length];
        var resources = 0L;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < bodies.Length; i = Interlocked.Increment(ref next))
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
                using var response = await client.PostAsync(new Uri(string.Empty, UriKind.Relative), content);
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{files[i]}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 2000)]}");
                }

                using var bundle = JsonDocument.Parse(text);
                locations[i] = bundle.RootElement.GetProperty("entry").EnumerateArray()
                    .Select(e => e.GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0])
                    .ToList();
                Interlocked.Add(ref resources, locations[i].Count);
            }
        }));
        watch.Stop();
        await File.WriteAllLinesAsync(idsOut, locations.SelectMany(l => l));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bundles = bodies.Length,
            resources,
            parallel,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            resourcesPerSecond = Math.Round(resources / watch.Elapsed.TotalSeconds),
        }));
    }

    /// <summary>
    /// What a read by id costs the database alone: <paramref name="connections"/> tasks, each on its own
    /// pooled connection, select the stored content of random ids (the same ids wrk reads) for the duration.
    /// </summary>
    private static async Task RawReadAsync(string connectionString, string projectId, string idsFile, int connections, int seconds)
    {
        var ids = (await File.ReadAllLinesAsync(idsFile)).Where(l => l.Contains('/', StringComparison.Ordinal)).Select(l => l.Split('/')).ToArray();
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = connections + 4 }.ConnectionString);
        await using var dataSource = builder.Build();
        var requests = 0L;
        var bytes = 0L;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var random = new Random(worker);
            await using var connection = await dataSource.OpenConnectionAsync();
            var commands = new Dictionary<string, NpgsqlCommand>(StringComparer.Ordinal);
            while (!stop.IsCancellationRequested)
            {
                var id = ids[random.Next(ids.Length)];
                if (!commands.TryGetValue(id[0], out var command))
                {
                    command = new NpgsqlCommand($"SELECT \"content\", \"versionId\", \"lastUpdated\", \"deleted\" FROM \"{id[0]}\" WHERE \"projectId\" = $1 AND \"id\" = $2", connection)
                    {
                        Parameters = { new() { Value = projectId }, new() { Value = id[1] } },
                    };
                    await command.PrepareAsync();
                    commands[id[0]] = command;
                }

                command.Parameters[1].Value = id[1];
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    Interlocked.Add(ref bytes, Encoding.UTF8.GetByteCount(reader.GetString(0)));
                }

                Interlocked.Increment(ref requests);
            }

            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }));
        watch.Stop();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            connections,
            requests,
            seconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            requestsPerSecond = Math.Round(requests / watch.Elapsed.TotalSeconds),
            averageBytes = requests == 0 ? 0 : bytes / requests,
        }));
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
            }
            else if (name is not null)
            {
                options[name] = arg;
                name = null;
            }
        }

        return options;
    }
}
