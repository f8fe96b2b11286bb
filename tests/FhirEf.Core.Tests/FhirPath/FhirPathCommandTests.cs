using System.CommandLine;
using System.Text.Json;
using FhirEf.Cli.Commands;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary><c>fhiref fhirpath</c>, run in-process through the command line parser.</summary>
public sealed class FhirPathCommandTests
{
    private static readonly string Observation = Path.Combine(FhirPathTestData.Folder, "input", "observation-example.json");

    [Fact]
    public void The_result_is_printed_as_a_json_array_with_exact_decimals_dates_and_quantities()
    {
        var (exitCode, output, error) = Run("fhirpath", "Observation.value.value | 1.50 | @2015-02-04T14:34:28Z | 5.4 'mg' | Observation.status", Observation);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["185", "1.50", "\"2015-02-04T14:34:28Z\"", """{"value":5.4,"unit":"mg"}""", "\"final\""],
            json.RootElement.EnumerateArray().Select(item => JsonSerializer.Serialize(item)));
    }

    [Fact]
    public void Complex_elements_are_printed_as_their_json()
    {
        var (exitCode, output, _) = Run("fhirpath", "Observation.value", Observation);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("[lb_av]", json.RootElement[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Trace_output_goes_to_standard_error()
    {
        var (exitCode, output, error) = Run("fhirpath", "Observation.status.trace('status')", Observation);

        Assert.Equal(0, exitCode);
        Assert.Equal("status: [\"final\"]", error.Trim());
        Assert.Equal("[\n  \"final\"\n]", output.Trim().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("Observation.value.(", "Invalid FHIRPath at line 1, column 19")]
    [InlineData("(1 | 2).single()", "single() expects at most one item")]
    public void An_invalid_expression_exits_with_1_and_one_line(string expression, string message)
    {
        var (exitCode, output, error) = Run("fhirpath", expression, Observation);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("fhiref fhirpath: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_file_exits_with_1()
    {
        var (exitCode, _, error) = Run("fhirpath", "id", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_json_exits_with_1()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{"resourceType": """);
        try
        {
            var (exitCode, _, error) = Run("fhirpath", "id", file);

            Assert.Equal(1, exitCode);
            Assert.Contains("is not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = FhirEfCommandLine.Build().Parse(arguments).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
