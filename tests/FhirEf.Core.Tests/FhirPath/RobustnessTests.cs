using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Whatever the input, the engine answers with a result or one of its typed errors.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Every_prefix_of_every_search_parameter_expression_compiles_or_is_a_syntax_error()
    {
        var compiler = new FhirPathCompiler(FhirDefinitions.R4.Structures);
        var outcomes = new Dictionary<string, int>();
        foreach (var parameter in FhirDefinitions.R4.SearchParameters.All)
        {
            var expression = parameter.Expression ?? string.Empty;
            for (var length = 1; length < expression.Length; length += 3)
            {
                var outcome = "compiled";
                try
                {
                    compiler.Compile(expression[..length]);
                }
                catch (FhirPathSyntaxException)
                {
                    outcome = "syntax error";
                }

                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        Assert.Equal(["compiled", "syntax error"], outcomes.Keys.Order());
    }

    [Fact]
    public void Sorting_values_that_cannot_be_compared_is_an_evaluation_error_of_its_own()
    {
        var error = Assert.Throws<FhirPathEvaluationException>(() => FhirPathCompiler.R4.Compile("(true | 'a').sort()").Evaluate(FhirPathCollection.Empty));

        Assert.Null(error.InnerException);
        Assert.Contains("Cannot compare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_suite_expression_on_every_suite_input_gives_a_result_or_a_typed_error()
    {
        var expressions = System.Xml.Linq.XDocument.Load(Path.Combine(FhirPathTestData.Folder, "tests-fhir-r4.xml"))
            .Descendants("expression").Select(e => e.Value).Distinct().ToList();
        var inputs = Directory.GetFiles(Path.Combine(FhirPathTestData.Folder, "input"), "*.json").Select(Path.GetFileName).ToList();
        var options = new FhirPathEvaluationOptions { Trace = static (_, _) => { } };
        var unexpected = new List<string>();
        foreach (var expression in expressions)
        {
            foreach (var input in inputs)
            {
                try
                {
                    FhirPathCompiler.R4.Compile(expression).Evaluate(FhirPathCollection.Of(FhirPathTestData.Input(input!)), options);
                }
                catch (FhirPathException)
                {
                }
                catch (Exception e)
                {
                    unexpected.Add($"{expression} on {input}: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.Empty(unexpected);
    }
}
