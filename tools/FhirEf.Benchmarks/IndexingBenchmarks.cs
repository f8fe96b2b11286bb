using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FhirEf.Core.Configuration;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;

namespace FhirEf.Benchmarks;

/// <summary>
/// Search value extraction (docs/benchmarks.md, "Search value extraction"): <see cref="SearchIndexer"/>
/// on 10,000 Synthea resources, one thread. <c>Index</c> starts from parsed JSON, as the write path does;
/// <c>ParseAndIndex</c> also parses each resource's JSON. In memory: there is no database, so no raw
/// PostgreSQL counterpart.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LongBuildTimeoutConfig))]
public class IndexingBenchmarks
{
    public const int Resources = 10_000;

    private readonly List<JsonDocument> _bundles = [];
    private readonly List<JsonElement> _resources = new(Resources);
    private readonly List<byte[]> _json = new(Resources);
    private SearchIndexer _indexer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FhirEfRoot.Find();
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "synthea-r4-2019-transaction-bundles"));
        var folder = Directory.Exists(shared) ? shared : Path.Combine(root, "tests", "data", "synthea");
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        while (_resources.Count < Resources)
        {
            // The fallback folder holds fewer than 10,000 resources: go round it again.
            foreach (var file in files)
            {
                if (_resources.Count == Resources)
                {
                    break;
                }

                var bundle = JsonDocument.Parse(File.ReadAllBytes(file));
                _bundles.Add(bundle);
                foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
                {
                    if (_resources.Count == Resources)
                    {
                        break;
                    }

                    var resource = entry.GetProperty("resource");
                    _resources.Add(resource);
                    _json.Add(JsonSerializer.SerializeToUtf8Bytes(resource));
                }
            }
        }

        _indexer = new SearchIndexer(FhirDefinitions.R4);
        foreach (var resource in _resources)
        {
            _indexer.Index(resource); // prepares every type's plan before measuring
        }

        Console.WriteLine($"// {Resources} resources from {folder}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var bundle in _bundles)
        {
            bundle.Dispose();
        }
    }

    [Benchmark(OperationsPerInvoke = Resources)]
    public int Index()
    {
        var values = 0;
        foreach (var resource in _resources)
        {
            values += _indexer.Index(resource).Values.Count;
        }

        return values;
    }

    [Benchmark(OperationsPerInvoke = Resources)]
    public int ParseAndIndex()
    {
        var values = 0;
        foreach (var json in _json)
        {
            using var document = JsonDocument.Parse(json);
            values += _indexer.Index(document.RootElement).Values.Count;
        }

        return values;
    }
}
