using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Compilation;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Every FHIRPath expression of the pinned R4 SearchParameters compiles, in normal and in strict mode.</summary>
public sealed class SearchParameterExpressionTests
{
    public static TheoryData<string> Expressions()
    {
        var data = new TheoryData<string>();
        foreach (var parameter in FhirDefinitions.R4.SearchParameters.All)
        {
            if (parameter.Expression is not null)
            {
                data.Add(parameter.Url);
            }
        }

        return data;
    }

    [Fact]
    public void The_R4_search_parameters_have_1372_expressions() => Assert.Equal(1372, Expressions().Count);

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Search_parameter_expression_compiles(string url)
    {
        Assert.True(FhirDefinitions.R4.SearchParameters.TryGetByUrl(url, out var parameter));

        var compiled = FhirPathCompiler.R4.Compile(parameter.Expression!);

        Assert.Same(compiled, FhirPathCompiler.R4.Compile(parameter.Expression!));
    }

    [Fact]
    public void Every_search_parameter_expression_is_type_safe_in_strict_mode()
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
            catch (FhirEf.Core.FhirPath.FhirPathSyntaxException e)
            {
                refused.Add($"{parameter.Url}: {e.Message}");
            }
        }

        Assert.Empty(refused);
    }
}
