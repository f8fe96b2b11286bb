using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;

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
