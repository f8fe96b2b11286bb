using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>
/// Every FHIRPath expression of the pinned R4 SearchParameters (spec/fhir/r4/search-parameters.json)
/// parses and compiles, and passes strict type checking; so do those the definitions add (spec/platform).
/// </summary>
public sealed class SearchParameterExpressionTests
{
    private static readonly Lazy<Dictionary<string, string>> PinnedExpressions = new(ReadPinnedExpressions);

    public static TheoryData<string> Expressions()
    {
        var data = new TheoryData<string>();
        foreach (var id in PinnedExpressions.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void The_pinned_file_has_1372_expressions_in_1375_search_parameters()
    {
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(PinnedFile));

        Assert.Equal(1375, bundle.RootElement.GetProperty("entry").GetArrayLength());
        Assert.Equal(1372, PinnedExpressions.Value.Count);
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Search_parameter_expression_compiles(string id)
    {
        var expression = PinnedExpressions.Value[id];

        var compiled = FhirPathCompiler.R4.Compile(expression);

        Assert.Same(compiled, FhirPathCompiler.R4.Compile(expression));
    }

    [Fact]
    public void Every_search_parameter_the_definitions_load_is_type_safe_in_strict_mode()
    {
        var strict = new FhirPathCompiler(FhirDefinitions.R4.Structures, strict: true);
        var refused = new List<string>();
        foreach (var parameter in FhirDefinitions.R4.SearchParameters.All)
        {
            try
            {
                if (parameter.Expression is { } expression)
                {
                    strict.Compile(expression);
                }
            }
            catch (FhirPathSyntaxException e)
            {
                refused.Add($"{parameter.Url}: {e.Message}");
            }
        }

        Assert.Empty(refused);
    }

    [Fact]
    public void Every_applicable_search_parameter_evaluates_on_the_suite_resources()
    {
        var failures = new List<string>();
        var values = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(FhirPathTestData.Folder, "input"), "*.json"))
        {
            var resource = FhirPathTestData.Input(Path.GetFileName(file));
            foreach (var parameter in FhirDefinitions.R4.SearchParameters.ForResource(resource.TypeName!).Values)
            {
                try
                {
                    values += parameter.Expression is { } expression ? FhirPathCompiler.R4.Compile(expression).Evaluate(resource).Count : 0;
                }
                catch (FhirPathException e)
                {
                    failures.Add($"{parameter.Url} on {resource.TypeName}: {e.Message}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(values > 100, $"only {values} values were extracted");
    }

    [Fact]
    public void Search_parameters_extract_from_synthea_bundles_with_references_resolved_in_the_bundle()
    {
        var failures = new List<string>();
        var observations = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(FhirPathTestData.RepositoryRoot, "tests", "data", "synthea"), "*.json"))
        {
            var bundle = FhirPathTestData.Resource(File.ReadAllText(file));
            foreach (var resource in FhirPathCompiler.R4.Compile("Bundle.entry.resource").Evaluate(bundle).Cast<ElementNode>())
            {
                foreach (var parameter in FhirDefinitions.R4.SearchParameters.ForResource(resource.TypeName!).Values)
                {
                    try
                    {
                        _ = parameter.Expression is { } expression ? FhirPathCompiler.R4.Compile(expression).Evaluate(resource) : default;
                    }
                    catch (FhirPathException e)
                    {
                        failures.Add($"{parameter.Url} on {resource.Location}: {e.Message}");
                    }
                }

                if (resource.TypeName == "Observation")
                {
                    observations++;
                    var patient = FhirPathCompiler.R4.Compile(FhirDefinitions.R4.SearchParameters.ForResource("Observation")["patient"].Expression!).Evaluate(resource);
                    var subject = FhirPathCompiler.R4.Compile("subject.resolve()").Evaluate(resource);
                    Assert.Single(patient);
                    Assert.Equal("Patient", Assert.IsType<ElementNode>(Assert.Single(subject)).TypeName);
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(observations > 100, $"only {observations} observations");
    }

    private static string PinnedFile => Path.Combine(FhirPathTestData.RepositoryRoot, "spec", "fhir", "r4", "search-parameters.json");

    private static Dictionary<string, string> ReadPinnedExpressions()
    {
        using var bundle = JsonDocument.Parse(File.ReadAllBytes(PinnedFile));
        var expressions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
        {
            var resource = entry.GetProperty("resource");
            if (resource.TryGetProperty("expression", out var expression))
            {
                expressions.Add(resource.GetProperty("id").GetString()!, expression.GetString()!);
            }
        }

        return expressions;
    }
}
