using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Definitions.Loading;
using FhirEf.Core.Indexing;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>
/// Parameters beyond R4 core, loaded like spec/platform ones: expressions that read extensions (R4 core
/// has none; implementation guides such as US Core define them), and one whose expression fails on some
/// resources, which costs that parameter only.
/// </summary>
public sealed class ExtensionParameterTests
{
    private const string Race = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
    private const string BirthPlace = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    private static readonly Lazy<FhirDefinitions> Definitions = new(LoadDefinitions);

    private readonly List<IndexingDiagnostic> _reported = [];

    [Fact]
    public void Parameters_on_extensions_are_extracted_by_their_value_types()
    {
        var indexed = Index($$$"""
            {'resourceType': 'Patient', 'id': 'p1', 'name': [{'given': ['Eve', 'Ann']}],
             'extension': [
               {'url': '{{{Race}}}', 'extension': [
                 {'url': 'ombCategory', 'valueCoding': {'system': 'urn:oid:2.16.840.1.113883.6.238', 'code': '2106-3', 'display': 'White'}},
                 {'url': 'text', 'valueString': 'White'}]},
               {'url': '{{{BirthPlace}}}', 'valueAddress': {'city': 'Springfield', 'country': 'US'}},
               {'url': 'http://example.org/ext/first-visit', 'valueDateTime': '2001-09'}]}
            """);

        Assert.Equal("urn:oid:2.16.840.1.113883.6.238|2106-3 (White)", Describe(indexed, "race"));
        Assert.Equal("Springfield ; US", Describe(indexed, "birthplace"));
        Assert.Equal("2001-09-01T00:00:00.0000000Z..2001-09-30T23:59:59.9999999Z", Describe(indexed, "first-visit"));
    }

    [Fact]
    public void A_parameter_whose_expression_fails_is_skipped_and_reported_as_an_error()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p2', 'name': [{'given': ['Eve', 'Ann']}], 'gender': 'female'}");

        var error = Assert.Single(_reported, d => d.Severity == IndexingDiagnosticSeverity.Error);
        Assert.Equal(("Patient", "p2", "only-given"), (error.ResourceType, error.ResourceId, error.Parameter));
        Assert.Contains("single()", error.Message, StringComparison.Ordinal);
        Assert.False(indexed.Values.ContainsKey("only-given"));
        Assert.Equal("Eve ; Ann", Describe(indexed, "given"));
        Assert.Equal("|female", Describe(indexed, "gender"));
    }

    [Fact]
    public void The_same_parameter_indexes_where_its_expression_succeeds()
    {
        var indexed = Index("{'resourceType': 'Patient', 'id': 'p3', 'name': [{'given': ['Eve']}]}");

        Assert.Empty(_reported);
        Assert.Equal("Eve", Describe(indexed, "only-given"));
    }

    private IndexedResource Index(string json)
    {
        var indexer = new SearchIndexer(Definitions.Value, new SearchIndexerOptions { OnDiagnostic = _reported.Add });
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));
        return indexer.Index(document.RootElement);
    }

    private static string Describe(IndexedResource indexed, string code) =>
        string.Join(" ; ", (indexed.Values.TryGetValue(code, out var values) ? values : []).Select(IndexerHarness.Describe));

    private static FhirDefinitions LoadDefinitions()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fhiref-extension-parameters-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "parameters.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            resourceType = "Bundle",
            type = "collection",
            entry = new object[]
            {
                Entry("race", "token", $"Patient.extension.where(url = '{Race}').extension.where(url = 'ombCategory').value"),
                Entry("birthplace", "string", $"Patient.extension('{BirthPlace}').value"),
                Entry("first-visit", "date", "Patient.extension('http://example.org/ext/first-visit').value"),
                Entry("only-given", "string", "Patient.name.given.single()"),
            },
        }));
        try
        {
            var core = Path.Combine(SpecificationSource.FindSpecDirectory()!, "fhir", "r4");
            return FhirDefinitions.Load(new SpecificationSource([.. SpecificationSource.CoreFileNames.Select(name => Path.Combine(core, name)), file]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static object Entry(string code, string type, string expression) => new
    {
        resource = new
        {
            resourceType = "SearchParameter",
            url = $"http://example.org/fhir/SearchParameter/Patient-{code}",
            name = code,
            status = "active",
            code,
            @base = new[] { "Patient" },
            type,
            expression,
        },
    };
}
