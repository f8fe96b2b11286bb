using System.Text;
using System.Text.Json;
using FhirEf.Core.Errors;
using FhirEf.Core.Indexing;
using static FhirEf.Core.Tests.Indexing.IndexerHarness;

namespace FhirEf.Core.Tests.Indexing;

/// <summary>Big, deep and malformed input: indexing skips what it cannot read, and refuses only what is not a resource.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void A_ten_megabyte_resource_indexes_without_error()
    {
        var json = new StringBuilder("{\"resourceType\": \"Observation\", \"id\": \"big\", \"status\": \"final\", \"code\": {\"text\": \"panel\"}, \"subject\": {\"reference\": \"Patient/p\"}, \"component\": [");
        var components = 0;
        while (json.Length < 10_000_000)
        {
            json.Append(components == 0 ? string.Empty : ",")
                .Append("{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"").Append(components)
                .Append("\", \"display\": \"component number ").Append(components).Append("\"}]}, \"valueQuantity\": {\"value\": ").Append(components)
                .Append(".5, \"unit\": \"mg\"}}");
            components++;
        }

        json.Append("]}");
        using var document = JsonDocument.Parse(json.ToString());
        var diagnostics = new List<IndexingDiagnostic>();

        var indexed = Indexer.Index(document.RootElement, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(components, indexed.ValuesOf("component-code-value-quantity").Count);
        Assert.Equal(components, indexed.ValuesOf("component-value-quantity").Count);
        Assert.Equal(["Patient/p"], indexed.Compartments);
        Assert.True(indexed.ContentText!.Length > 2_000_000, $"{indexed.ContentText.Length} characters of content text");
    }

    [Fact]
    public void A_ten_megabyte_binary_indexes_without_putting_its_data_in_the_content_text()
    {
        var data = Convert.ToBase64String(new byte[7_500_000]);
        using var document = JsonDocument.Parse($"{{\"resourceType\": \"Binary\", \"id\": \"bin\", \"contentType\": \"application/octet-stream\", \"data\": \"{data}\"}}");

        var indexed = Indexer.Index(document.RootElement);

        Assert.Equal("bin application/octet-stream", indexed.ContentText);
        Assert.Equal("|bin", indexed.Describe("_id"));
    }

    [Fact]
    public void A_deeply_nested_resource_indexes_without_error()
    {
        const int Depth = 500;
        var json = new StringBuilder("{\"resourceType\": \"QuestionnaireResponse\", \"id\": \"deep\", \"status\": \"completed\", \"subject\": {\"reference\": \"Patient/p\"}, \"item\": [");
        for (var i = 0; i < Depth; i++)
        {
            json.Append("{\"linkId\": \"").Append(i).Append("\", \"text\": \"level ").Append(i).Append("\", \"item\": [");
        }

        json.Append(']');
        for (var i = 0; i < Depth; i++)
        {
            json.Append("}]");
        }

        json.Append('}');
        using var document = JsonDocument.Parse(json.ToString(), new JsonDocumentOptions { MaxDepth = 4 * Depth });
        var diagnostics = new List<IndexingDiagnostic>();

        var indexed = Indexer.Index(document.RootElement, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal("Patient/p", indexed.Describe("subject"));
        Assert.Equal(["Patient/p"], indexed.Compartments);
        Assert.Contains("level 100", indexed.ContentText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{'id': 'x'}")]
    [InlineData("{'resourceType': 42}")]
    [InlineData("{'resourceType': 'Unicorn', 'id': 'x'}")]
    [InlineData("{'resourceType': 'Resource', 'id': 'x'}")]
    [InlineData("{'resourceType': 'HumanName', 'family': 'x'}")]
    public void Json_that_is_not_a_resource_is_refused_with_a_typed_error(string json)
    {
        using var document = JsonDocument.Parse(json.Replace('\'', '"'));

        Assert.Throws<InvalidResourceException>(() => Indexer.Index(document.RootElement));
    }

    [Fact]
    public void Values_of_the_wrong_json_kind_are_skipped_and_the_rest_is_indexed()
    {
        var diagnostics = new List<IndexingDiagnostic>();

        var indexed = IndexWithDiagnostics("""
            {'resourceType': 'Patient', 'id': 'p', 'gender': 42, 'birthDate': true, 'active': 'yes',
             'name': [{'family': ['not', 'a', 'string'], 'given': 'Eve'}], 'telecom': [{'value': 7}],
             'identifier': {'system': 'urn:x', 'value': 'not in an array'}, 'generalPractitioner': [{'reference': 12}]}
            """, diagnostics);

        Assert.DoesNotContain(diagnostics, d => d.Severity == IndexingDiagnosticSeverity.Error);
        Assert.Equal("Eve", indexed.Describe("given"));
        Assert.Equal("Eve", indexed.Describe("name"));
        Assert.Equal("urn:x|not in an array", indexed.Describe("identifier"));
        Assert.Equal(["Patient/p"], indexed.Compartments);
    }

    [Fact]
    public void Indexing_in_parallel_gives_what_indexing_one_at_a_time_gives()
    {
        var documents = Directory.GetFiles(TestData.PathOf("fhir-r4-examples"), "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonDocument.Parse(File.ReadAllBytes(file))).ToList();
        var indexer = new SearchIndexer(FhirEf.Core.Definitions.FhirDefinitions.R4, new SearchIndexerOptions { LocalBaseUrls = [LocalBase] });

        var parallel = documents.AsParallel().AsOrdered().Select(d => Summary(indexer.Index(d.RootElement))).ToList();
        var sequential = documents.Select(d => Summary(Indexer.Index(d.RootElement))).ToList();

        Assert.Equal(sequential, parallel);
    }

    private static string Summary(IndexedResource indexed) =>
        string.Join("\n", indexed.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={indexed.Describe(p.Key)}"))
        + "\n" + string.Join(" ", indexed.Compartments) + "\n" + indexed.Lookups.Count + "\n" + indexed.NarrativeText + "\n" + indexed.ContentText;
}
