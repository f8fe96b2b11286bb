using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Indexing.Extraction;
using FhirEf.Core.Resources;
using Xunit.Abstractions;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>
/// The shortcuts of the plans change no result: a direct walk (<see cref="ElementPath"/>) gives the nodes
/// the FHIRPath engine gives, a branch is skipped (<see cref="PlannedBranch.FirstElement"/>) only when it
/// gives nothing, and the branches kept for the type give what the full expression gives (except that
/// the union keeps one of equal items), for every parameter and composite component of every spec
/// example and Synthea resource.
/// </summary>
public sealed class SearchIndexerPathTests(ITestOutputHelper output)
{
    [Fact]
    public void Direct_walks_guards_and_pruning_agree_with_the_engine_on_every_test_resource()
    {
        var compiler = new FhirEf.Core.FhirPath.Compilation.FhirPathCompiler(FhirDefinitions.R4.Structures);
        var (walked, skipped, pruned, evaluations) = (0, 0, 0, 0);
        var disagreements = new List<string>();
        foreach (var (source, resource) in Resources())
        {
            var root = ElementNode.FromResource(resource, FhirDefinitions.R4.Structures);
            var plan = Indexer.PlanFor(root.TypeName!);
            foreach (var parameter in plan.Parameters)
            {
                var full = compiler.Compile(parameter.Parameter.Expression!).Evaluate(root).ToList();
                var items = new List<object>();
                parameter.Expression.Evaluate(root, items);
                evaluations++;
                pruned += parameter.Expression.Text == parameter.Parameter.Expression ? 0 : 1;
                if (!SameUpToUnionDuplicates(full, items))
                {
                    disagreements.Add($"{source} {parameter.Code}: '{parameter.Expression.Text}' gives {items.Count} items, '{parameter.Parameter.Expression}' {full.Count}");
                }

                foreach (var branch in parameter.Expression.Branches)
                {
                    (walked, skipped) = Check(source, parameter.Code, branch, root, disagreements, walked, skipped);
                }

                foreach (var component in parameter.Components)
                {
                    foreach (var node in items.OfType<ElementNode>())
                    {
                        foreach (var branch in component.Expression.Branches)
                        {
                            (walked, skipped) = Check(source, $"{parameter.Code} component {component.Parameter.Code}", branch, node, disagreements, walked, skipped);
                        }
                    }
                }
            }
        }

        output.WriteLine($"{evaluations} parameter evaluations ({pruned} of pruned unions); branch evaluations: {walked} walked directly, {skipped} skipped for a missing first element");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.True(walked > evaluations / 2, $"only {walked} branches were walked directly");
    }

    /// <summary>Checks one branch on one focus: the walk (if any) and the engine agree; a skip only happens where the engine gives nothing.</summary>
    private static (int Walked, int Skipped) Check(string source, string parameter, PlannedBranch branch, ElementNode focus, List<string> disagreements, int walked, int skipped)
    {
        var engine = branch.Compiled.Evaluate(focus).ToList();
        var items = new List<object>();
        branch.Evaluate(focus, items);
        if (branch.FirstElement is { } first && focus.ChildSegment(first).Count == 0)
        {
            skipped++;
            if (engine.Count > 0)
            {
                disagreements.Add($"{source} {parameter}: '{branch.Compiled.Expression}' is skipped without '{first}' but gives {engine.Count} items");
            }

            return (walked, skipped);
        }

        if (branch.Path is not null)
        {
            walked++;
        }

        if (!SameItems(engine, items))
        {
            disagreements.Add($"{source} {parameter}: '{branch.Compiled.Expression}' gives {items.Count} items, the engine {engine.Count}");
        }

        return (walked, skipped);
    }

    /// <summary>Every spec example, and every resource of the Synthea bundles and NDJSON files.</summary>
    private static IEnumerable<(string Source, JsonElement Resource)> Resources()
    {
        foreach (var file in Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal))
        {
            yield return (Path.GetFileName(file), JsonDocument.Parse(File.ReadAllBytes(file)).RootElement);
        }

        foreach (var file in Directory.GetFiles(TestData.PathOf("synthea"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var entry in JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.GetProperty("entry").EnumerateArray())
            {
                yield return (Path.GetFileName(file), entry.GetProperty("resource"));
            }
        }

        foreach (var file in Directory.GetFiles(TestData.PathOf("synthea-ndjson"), "*.ndjson").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                yield return (Path.GetFileName(file), JsonDocument.Parse(line).RootElement);
            }
        }
    }

    /// <summary>The items of the full union, and maybe some more that FHIRPath-equal one of them (a union keeps one of equal items; 60 mL/min and >60 mL/min are equal Quantities).</summary>
    private static bool SameUpToUnionDuplicates(List<object> full, List<object> pruned) =>
        full.All(item => pruned.Any(other => Same(item, other)))
        && pruned.All(item => full.Any(other => Same(item, other) || Equality.AreEqual(item, other) == true));

    private static bool Same(object expected, object actual) =>
        expected is ElementNode ? ReferenceEquals(expected, actual) : Equals(expected, actual);

    /// <summary>The same nodes (by identity) or equal System values, in the same order.</summary>
    private static bool SameItems(List<object> expected, List<object> actual) =>
        expected.Count == actual.Count
        && expected.Zip(actual).All(pair => Same(pair.First, pair.Second));
}
