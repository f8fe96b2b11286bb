using System.CommandLine;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Indexing;

namespace FhirEf.Cli.Commands;

/// <summary>
/// <c>fhiref index resource.json</c>: prints every search value FhirEf would store for the resource, per
/// parameter, with its compartments, lookup rows, narrative and content text and what was skipped, as
/// JSON (see <see cref="IndexedResourceJson"/>). <c>--base</c> names this server's base URL (repeatable),
/// so absolute references under it count as literal. Invalid input (a missing file, bad JSON, JSON that
/// is not a resource of a known type) exits with 1 and one line on standard error.
/// </summary>
internal static class IndexCommand
{
    public static Command Build()
    {
        var resource = new Argument<FileInfo>("resource") { Description = "A FHIR R4 resource in a JSON file." };
        var bases = new Option<string[]>("--base")
        {
            Description = "An absolute base URL of this server (e.g. https://fhir.example.org/r4); repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("index", "Print every search value FhirEf would store for a FHIR resource, as JSON.")
        {
            resource,
            bases,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(resource),
            parseResult.GetValue(bases) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(FileInfo resourceFile, IReadOnlyList<string> localBaseUrls, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(resourceFile);
        ArgumentNullException.ThrowIfNull(localBaseUrls);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(resourceFile.FullName));
            var indexer = new SearchIndexer(FhirDefinitions.R4, new SearchIndexerOptions { LocalBaseUrls = localBaseUrls });
            var diagnostics = new List<IndexingDiagnostic>();
            var indexed = indexer.Index(document.RootElement, diagnostics);
            output.WriteLine(IndexedResourceJson.Write(indexed, diagnostics));
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
        catch (InvalidResourceException e)
        {
            return Fail(error, $"{resourceFile.FullName} is not a FHIR resource: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The definitions (spec/fhir/r4) were not found.
            return Fail(error, e.Message);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"fhiref index: {message.ReplaceLineEndings(" ")}");
        return 1;
    }
}
