using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;
using FhirEf.Core.Indexing.Values;
using Xunit.Abstractions;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>
/// Every search parameter of every resource type, evaluated on the 815 R4 spec examples and the Synthea
/// data: no exception, no error diagnostic. The counts of values extracted, and of values skipped (with
/// their parameter and data types), are printed for docs/indexing.md.
/// </summary>
public sealed class SearchIndexerCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_resource_type_gets_a_plan_for_every_stored_parameter_without_issues()
    {
        var types = FhirDefinitions.R4.Structures.ResourceTypes;
        var parameters = 0;
        var issues = new List<string>();
        foreach (var type in types)
        {
            var plan = Indexer.PlanFor(type);
            parameters += plan.Parameters.Count;
            issues.AddRange(plan.Issues.Select(issue => $"{type}.{issue.Parameter}: {issue.Message}"));
        }

        output.WriteLine($"{types.Count} resource types, {parameters} parameter plans");
        Assert.Equal(146, types.Count);
        Assert.Empty(issues);
        Assert.True(parameters > 2500, $"only {parameters} parameter plans");
    }

    [Fact]
    public void Every_spec_example_indexes_without_an_error()
    {
        var files = Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal).ToList();
        var tally = new Tally();
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            tally.Index(document.RootElement, Path.GetFileName(file));
        }

        tally.Print(output, $"{files.Count} R4 spec examples");
        Assert.Equal(815, tally.Resources);
        Assert.Empty(tally.Errors);
    }

    [Fact]
    public void Every_resource_of_the_Synthea_bundles_indexes_without_an_error()
    {
        var tally = new Tally();
        foreach (var file in Directory.GetFiles(TestData.PathOf("synthea"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            tally.Index(document.RootElement, Path.GetFileName(file));
            foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
            {
                tally.Index(entry.GetProperty("resource"), Path.GetFileName(file));
            }
        }

        tally.Print(output, "Synthea transaction bundles and their entries");
        Assert.True(tally.Resources > 400, $"only {tally.Resources} resources");
        Assert.Empty(tally.Errors);
        Assert.Empty(tally.Warnings);
    }

    [Fact]
    public void Every_resource_of_the_Synthea_NDJSON_files_indexes_without_an_error()
    {
        var tally = new Tally();
        foreach (var file in Directory.GetFiles(TestData.PathOf("synthea-ndjson"), "*.ndjson").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                tally.Index(document.RootElement, Path.GetFileName(file));
            }
        }

        tally.Print(output, "Synthea NDJSON resources");
        Assert.True(tally.Resources > 1000, $"only {tally.Resources} resources");
        Assert.Empty(tally.Errors);
        Assert.Empty(tally.Warnings);
    }

    /// <summary>Counts what indexing a set of resources extracted and skipped.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _valuesByType = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Count, string First)> _warningsByKind = new(StringComparer.Ordinal);

        public int Resources { get; private set; }

        public int Values { get; private set; }

        public int Compartments { get; private set; }

        public int Lookups { get; private set; }

        public int WithNarrative { get; private set; }

        public int WithContent { get; private set; }

        public List<string> Errors { get; } = [];

        public List<string> Warnings { get; } = [];

        public void Index(JsonElement resource, string source)
        {
            var diagnostics = new List<IndexingDiagnostic>();
            var indexed = Indexer.Index(resource, diagnostics);
            Resources++;
            foreach (var values in indexed.Values.Values)
            {
                foreach (var value in values)
                {
                    Values++;
                    var name = value.GetType().Name;
                    _valuesByType[name] = _valuesByType.GetValueOrDefault(name) + 1;
                }
            }

            Compartments += indexed.Compartments.Count;
            Lookups += indexed.Lookups.Count;
            WithNarrative += indexed.NarrativeText is null ? 0 : 1;
            WithContent += indexed.ContentText is null ? 0 : 1;
            foreach (var diagnostic in diagnostics)
            {
                var line = $"{source}: {diagnostic}";
                if (diagnostic.Severity == IndexingDiagnosticSeverity.Error)
                {
                    Errors.Add(line);
                }
                else
                {
                    Warnings.Add(line);
                    var kind = $"{diagnostic.ResourceType}.{diagnostic.Parameter}";
                    _warningsByKind[kind] = _warningsByKind.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.First) : (1, line);
                }
            }
        }

        public void Print(ITestOutputHelper output, string what)
        {
            output.WriteLine($"{what}: {Resources} resources, {Values} search values, {Compartments} compartment memberships, {Lookups} lookup rows, {WithNarrative} with narrative text, {WithContent} with content text");
            foreach (var (type, count) in _valuesByType.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {type}: {count}");
            }

            output.WriteLine($"{Errors.Count} errors, {Warnings.Count} skipped values");
            foreach (var (kind, (count, first)) in _warningsByKind.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  skipped {count} × {kind}, e.g. {first}");
            }

            foreach (var error in Errors.Take(50))
            {
                output.WriteLine($"  ERROR {error}");
            }
        }
    }
}
