using System.CommandLine;
using System.Text.Json;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref fhirpath '&lt;expression&gt;' resource.json</c>: evaluates a FHIRPath expression on a resource
/// and prints the result as a JSON array (see <see cref="FhirPathFormatting"/>); <c>trace()</c> goes to
/// standard error. Invalid input (a missing file, bad JSON, a bad expression) exits with 1 and one line
/// on standard error.
/// </summary>
internal static class FhirPathCommand
{
    public static Command Build()
    {
        var expression = new Argument<string>("expression") { Description = "The FHIRPath expression, e.g. \"Patient.name.where(use = 'official').given\"." };
        var resource = new Argument<FileInfo>("resource") { Description = "A FHIR R4 resource in a JSON file." };
        var command = new Command("fhirpath", "Evaluate a FHIRPath expression on a FHIR resource and print the result as a JSON array.")
        {
            expression,
            resource,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(expression),
            parseResult.GetRequiredValue(resource),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string expression, FileInfo resourceFile, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(resourceFile);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(resourceFile.FullName));
            var compiler = FhirPathCompiler.R4;
            var resource = ElementNode.FromResource(document.RootElement, compiler.Structures);
            var options = new FhirPathEvaluationOptions
            {
                Trace = (name, collection) => error.WriteLine($"{name}: {FhirPathFormatting.Describe(collection)}"),
            };
            var result = compiler.Compile(expression).Evaluate(resource, options);
            output.WriteLine(FhirPathFormatting.ToJson(result));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, $"cannot read {resourceFile.FullName}: {e.Message}");
        }
        catch (JsonException e)
        {
            return Fail(error, $"{resourceFile.FullName} is not valid JSON: {e.Message}");
        }
        catch (ArgumentException e) when (e.ParamName == "resource")
        {
            return Fail(error, $"{resourceFile.FullName} is not a FHIR resource: {e.Message}");
        }
        catch (FhirPathException e)
        {
            return Fail(error, e.Message);
        }
        catch (InvalidOperationException e)
        {
            // The definitions (spec/fhir/r4) were not found.
            return Fail(error, e.Message);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"fhiref fhirpath: {message.ReplaceLineEndings(" ")}");
        return 1;
    }
}
