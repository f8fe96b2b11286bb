namespace FhirEf.Core.Tests;

/// <summary>The repository's <c>tests/data</c> folder, found by walking up from the test binaries to the folder holding FhirEf.sln.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FhirEf.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "data");
            }
        }

        throw new DirectoryNotFoundException($"No FhirEf.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>A folder under tests/data ("fhir-r4-examples").</summary>
    public static string PathOf(string name) => Path.Combine(Folder.Value, name);
}
