using System.Collections.Concurrent;
using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>The FHIRPath test data in the repository (tests/data/fhirpath), found from the folder holding FhirEf.sln.</summary>
internal static class FhirPathTestData
{
    private static readonly ConcurrentDictionary<string, ElementNode> Inputs = new(StringComparer.Ordinal);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder => Path.Combine(RepositoryRoot, "tests", "data", "fhirpath");

    /// <summary>An input resource of the official suite, parsed once (its JsonDocument lives as long as the test run).</summary>
    public static ElementNode Input(string fileName) => Inputs.GetOrAdd(fileName, static name =>
        ElementNode.FromResource(JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "input", name))).RootElement, FhirDefinitions.R4.Structures));

    /// <summary>A resource from JSON text, typed with the R4 definitions.</summary>
    public static ElementNode Resource(string json) =>
        ElementNode.FromResource(JsonDocument.Parse(json).RootElement, FhirDefinitions.R4.Structures);

    /// <summary>Evaluates an expression with the R4 compiler on a resource, or on nothing.</summary>
    public static FhirPathCollection Evaluate(string expression, ElementNode? input = null, FhirPathEvaluationOptions? options = null) =>
        FhirPathCompiler.R4.Compile(expression).Evaluate(input is null ? FhirPathCollection.Empty : FhirPathCollection.Of(input), options);

    /// <summary>The result as JSON text, for compact assertions.</summary>
    public static string EvaluateToJson(string expression, ElementNode? input = null) =>
        FhirPathFormatting.Describe(Evaluate(expression, input));

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FhirEf.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder holding FhirEf.sln above {AppContext.BaseDirectory}.");
    }
}
