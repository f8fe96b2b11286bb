using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Bundles;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Tests.Bundles;

public sealed class ReferenceRewriterTests
{
    private static readonly ReferenceRewriter Rewriter = new(FhirDefinitions.R4.Structures);

    [Theory]
    [InlineData("urn:uuid:p", "Patient/new-p")]
    [InlineData("http://example.org/fhir/Patient/old", "Patient/new-old")]
    [InlineData("Patient/old", "Patient/new-old")]
    [InlineData("http://example.org/fhir/Patient/old/_history/7", "Patient/new-old/_history/1")]
    [InlineData("urn:uuid:somewhere-else", "urn:uuid:somewhere-else")]
    [InlineData("Patient/untouched", "Patient/untouched")]
    [InlineData("#contained", "#contained")]
    public void Reference_to_an_entry_becomes_its_local_reference_and_others_stay(string reference, string expected)
    {
        var map = Map();
        var observation = Parse(BundleJsonBuilder.Observation(reference));

        var rewritten = Rewrite(observation, map, "http://example.org/fhir/Observation/o1");

        Assert.Equal(expected, rewritten["subject"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public void References_are_found_anywhere_in_the_resource_including_contained_resources_and_extensions()
    {
        var resource = Parse(new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject { ["text"] = "x" },
            ["performer"] = new JsonArray(new JsonObject { ["reference"] = "urn:uuid:p" }, new JsonObject { ["reference"] = "urn:uuid:p" }),
            ["extension"] = new JsonArray(new JsonObject { ["url"] = "http://x", ["valueReference"] = new JsonObject { ["reference"] = "urn:uuid:p" } }),
            ["contained"] = new JsonArray(new JsonObject
            {
                ["resourceType"] = "Provenance",
                ["id"] = "prov",
                ["target"] = new JsonArray(new JsonObject { ["reference"] = "urn:uuid:p" }),
            }),
        });

        var rewritten = Rewrite(resource, Map(), null).ToJsonString();

        Assert.DoesNotContain("urn:uuid:p", rewritten, StringComparison.Ordinal);
        Assert.Equal(4, CountOf(rewritten, "\"Patient/new-p\""));
    }

    [Fact]
    public void Uri_values_equal_to_a_fullUrl_are_replaced_but_canonicals_are_not()
    {
        var resource = Parse(new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject { ["text"] = "x" },
            ["identifier"] = new JsonArray(new JsonObject { ["system"] = "urn:uuid:p", ["value"] = "1" }),
            ["meta"] = new JsonObject { ["profile"] = new JsonArray("urn:uuid:p") },
        });

        var rewritten = Rewrite(resource, Map(), null);

        Assert.Equal("Patient/new-p", rewritten["identifier"]![0]!["system"]!.GetValue<string>());
        Assert.Equal("urn:uuid:p", rewritten["meta"]!["profile"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Narrative_links_to_entries_are_replaced()
    {
        var resource = Parse(new JsonObject
        {
            ["resourceType"] = "Observation",
            ["status"] = "final",
            ["code"] = new JsonObject { ["text"] = "x" },
            ["text"] = new JsonObject
            {
                ["status"] = "generated",
                ["div"] = """<div xmlns="http://www.w3.org/1999/xhtml"><a href="urn:uuid:p">patient</a> <img src='urn:uuid:p'/> <a href="http://other">o</a></div>""",
            },
        });

        var div = Rewrite(resource, Map(), null)["text"]!["div"]!.GetValue<string>();

        Assert.Equal("""<div xmlns="http://www.w3.org/1999/xhtml"><a href="Patient/new-p">patient</a> <img src='Patient/new-p'/> <a href="http://other">o</a></div>""", div);
    }

    [Fact]
    public void Conditional_references_become_their_resolution_and_are_reported_by_the_scan()
    {
        var observation = Parse(BundleJsonBuilder.Observation("Patient?identifier=http://x|1"));
        var found = new List<string>();

        var needsRewrite = Rewriter.Scan(observation, new BundleReferenceMap(), null, found);
        var rewritten = JsonNode.Parse(Rewriter.Rewrite(observation, new BundleReferenceMap(), null, new Dictionary<string, string> { ["Patient?identifier=http://x|1"] = "Patient/42" }, null))!;

        Assert.True(needsRewrite);
        Assert.Equal(["Patient?identifier=http://x|1"], found);
        Assert.Equal("Patient/42", rewritten["subject"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public void New_id_goes_first_after_resourceType_and_everything_else_is_copied_verbatim()
    {
        const string json = """{"resourceType":"Patient","id":"old","birthDate":"2000-01-01","multipleBirthInteger":3,"name":[{"given":["Ann+Lee"],"_given":[{"id":"g"}]}],"extension":[{"url":"http://x","valueDecimal":1.50}]}""";
        using var document = JsonDocument.Parse(json);

        var rewritten = Encoding.UTF8.GetString(Rewriter.Rewrite(document.RootElement, new BundleReferenceMap(), null, new Dictionary<string, string>(), "new"));

        Assert.Equal(json.Replace("\"id\":\"old\"", "\"id\":\"new\"", StringComparison.Ordinal), rewritten);
    }

    [Fact]
    public void Scan_of_a_resource_without_links_to_entries_asks_for_no_rewrite()
    {
        var patient = Parse(BundleJsonBuilder.Patient(managingOrganization: "Organization/existing"));

        Assert.False(Rewriter.Scan(patient, Map(), null, new List<string>()));
    }

    [Theory]
    [InlineData("http://example.org/fhir/Patient/1", "http://example.org/fhir")]
    [InlineData("https://example.org/base/r4/Observation/x.1/_history/3", "https://example.org/base/r4")]
    [InlineData("urn:uuid:0f8c", null)]
    [InlineData("http://example.org/", null)]
    public void Restful_base_is_the_url_before_type_and_id(string url, string? expected) =>
        Assert.Equal(expected, BundleReferenceMap.RestfulBase(url));

    private static BundleReferenceMap Map()
    {
        var map = new BundleReferenceMap();
        map.TryAdd("urn:uuid:p", new ReferenceTarget("Patient", 0) { Id = "new-p", IsCreate = true });
        map.TryAdd("http://example.org/fhir/Patient/old", new ReferenceTarget("Patient", 1) { Id = "new-old", IsCreate = true });
        return map;
    }

    private static JsonNode Rewrite(JsonElement resource, BundleReferenceMap map, string? fullUrl) =>
        JsonNode.Parse(Rewriter.Rewrite(resource, map, fullUrl, new Dictionary<string, string>(), null))!;

    private static JsonElement Parse(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement.Clone();

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
