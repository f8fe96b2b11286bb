using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Core.Definitions;

namespace FhirEf.Api.Tests.Formatting;

public sealed class ResourceProjectorTests
{
    private const string Patient = """
        {"resourceType":"Patient","id":"p","meta":{"versionId":"2","tag":[{"system":"http://t","code":"x"}]},
         "text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Ann</div>"},
         "identifier":[{"system":"http://x","value":"1"}],"active":true,"name":[{"family":"Lee","given":["Ann"]}],
         "birthDate":"2000-01-01","_birthDate":{"extension":[{"url":"http://e","valueString":"about"}]},
         "photo":[{"contentType":"image/png"}],
         "contact":[{"relationship":[{"text":"mother"}],"name":{"family":"Lee"},"gender":"female"}],
         "link":[{"other":{"reference":"Patient/q"},"type":"seealso"}]}
        """;

    private static readonly ResourceProjector Projector = new(FhirDefinitions.R4);

    [Theory]
    [InlineData(SummaryMode.True, "resourceType,id,meta,identifier,active,name,birthDate,_birthDate,link")]
    [InlineData(SummaryMode.Text, "resourceType,id,meta,text")]
    [InlineData(SummaryMode.Data, "resourceType,id,meta,identifier,active,name,birthDate,_birthDate,photo,contact,link")]
    public void Summary_keeps_the_elements_the_definitions_name(SummaryMode summary, string expected)
    {
        var projected = Project(summary, null);

        Assert.Equal(expected, string.Join(',', projected.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Summary_inside_a_backbone_element_keeps_its_summary_children()
    {
        var link = Project(SummaryMode.True, null)["link"]![0]!.AsObject();

        Assert.Equal(["other", "type"], link.Select(p => p.Key));
    }

    [Fact]
    public void Elements_keep_the_listed_top_level_elements_and_the_mandatory_ones()
    {
        var projected = Project(SummaryMode.False, ["birthDate", "gender"]);

        Assert.Equal("resourceType,id,meta,birthDate,_birthDate", string.Join(',', projected.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Subsets_are_tagged_SUBSETTED_next_to_existing_tags()
    {
        var tags = Project(SummaryMode.True, null)["meta"]!["tag"]!.AsArray();

        Assert.Equal(["x", "SUBSETTED"], tags.Select(t => t!["code"]!.GetValue<string>()));
        Assert.Equal(ResourceProjector.SubsettedSystem, tags[1]!["system"]!.GetValue<string>());
    }

    [Fact]
    public void Resource_without_meta_gets_one_for_the_tag()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Basic","code":{"text":"x"}}""");
        var projected = Write(document.RootElement, SummaryMode.Text, null);

        Assert.Equal("SUBSETTED", projected["meta"]!["tag"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void No_summary_and_no_elements_copies_the_resource()
    {
        using var document = JsonDocument.Parse(Patient);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Patient), Write(document.RootElement, SummaryMode.False, null)));
    }

    private static JsonNode Project(SummaryMode summary, IReadOnlyList<string>? elements)
    {
        using var document = JsonDocument.Parse(Patient);
        return Write(document.RootElement, summary, elements);
    }

    private static JsonNode Write(JsonElement resource, SummaryMode summary, IReadOnlyList<string>? elements)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Projector.Write(writer, resource, summary, elements);
        }

        return JsonNode.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan))!;
    }
}
