using System.Text.Json;
using FhirEf.Testing;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>
/// The Synthea bundles of tests/data/synthea read straight from the files: the independent source of
/// the expected values the OData results are checked against.
/// </summary>
public static class SyntheaData
{
    private static readonly Lazy<IReadOnlyList<string>> Files = new(() =>
        [.. Directory.GetFiles(TestData.PathOf("synthea"), "*.json").Order(StringComparer.Ordinal)]);

    private static readonly Lazy<IReadOnlyList<JsonElement>> AllResources = new(() =>
        [.. Bundles.SelectMany(b => b.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").Clone()))]);

    public static IReadOnlyList<string> BundleFiles => Files.Value;

    public static IEnumerable<JsonElement> Bundles => BundleFiles.Select(path => TestData.Parse(File.ReadAllText(path)));

    public static IEnumerable<JsonElement> Resources(string type) =>
        AllResources.Value.Where(r => r.GetProperty("resourceType").GetString() == type);

    public static int Count(string type) => Resources(type).Count();

    /// <summary>The codes (<c>system|code</c>) of a CodeableConcept property.</summary>
    public static IEnumerable<string> Codes(JsonElement resource, string property) =>
        resource.TryGetProperty(property, out var concept) && concept.TryGetProperty("coding", out var codings)
            ? codings.EnumerateArray().Select(c => $"{Text(c, "system")}|{Text(c, "code")}")
            : [];

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
