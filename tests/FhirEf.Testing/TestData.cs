using FhirEf.Core.Resources;
using System.Text.Json;

namespace FhirEf.Testing;

/// <summary>The test data committed under <c>tests/data</c> (users' clones have no ../shared).</summary>
public static class TestData
{
    public static string Folder { get; } = Path.Combine(TestPostgresServer.RootDirectory, "tests", "data");

    public static string PathOf(string relative) => Path.Combine(Folder, relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static JsonElement Json(string relative)
    {
        using var document = FhirJson.Parse(Text(relative));
        return document.RootElement.Clone();
    }

    public static JsonElement Parse(string json)
    {
        using var document = FhirJson.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A spec example by file name, e.g. <c>Patient-example.json</c>.</summary>
    public static JsonElement Example(string fileName) => Json(Path.Combine("fhir-r4-examples", fileName));
}
