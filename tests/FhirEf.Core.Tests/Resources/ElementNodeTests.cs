using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Tests.Resources;

public sealed class ElementNodeTests
{
    private static readonly StructureDefinitionRegistry Structures = FhirDefinitions.R4.Structures;

    [Fact]
    public void A_choice_property_becomes_an_element_named_without_its_type_suffix()
    {
        var observation = Parse("""{"resourceType":"Observation","status":"final","valueQuantity":{"value":1.50,"unit":"mg"}}""");

        var value = Assert.Single(observation.ChildrenNamed("value"));

        Assert.Equal("Quantity", value.TypeName);
        Assert.Equal("valueQuantity", value.JsonName);
        Assert.Equal("Observation.value[x]", value.Definition?.Path);
        Assert.Empty(observation.ChildrenNamed("valueQuantity"));
        Assert.Equal("Observation.valueQuantity", value.Location);
    }

    [Fact]
    public void Decimals_keep_their_exact_text_and_scale()
    {
        var observation = Parse("""{"resourceType":"Observation","valueQuantity":{"value":1.50}}""");

        var number = Assert.Single(observation.ChildrenNamed("value")[0].ChildrenNamed("value"));

        Assert.Equal("decimal", number.TypeName);
        Assert.Equal("1.50", number.Json.GetRawText());
        Assert.Equal("1.50", number.Json.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_primitive_and_its_underscore_sibling_are_one_node()
    {
        var patient = Parse("""{"resourceType":"Patient","birthDate":"1974-12-25","_birthDate":{"id":"b1","extension":[{"url":"http://x","valueString":"y"}]}}""");

        var birthDate = Assert.Single(patient.ChildrenNamed("birthDate"));

        Assert.Equal("date", birthDate.TypeName);
        Assert.Equal("1974-12-25", birthDate.Json.GetString());
        Assert.Equal(["id", "extension"], birthDate.Children.Select(c => c.Name));
        Assert.Equal("Extension", birthDate.ChildrenNamed("extension")[0].TypeName);
        Assert.Empty(patient.ChildrenNamed("_birthDate"));
    }

    [Fact]
    public void Arrays_of_primitives_pair_values_and_extensions_item_by_item_including_nulls()
    {
        var patient = Parse("""
            {"resourceType":"Patient","name":[{"given":["Peter",null,"Jim"],
             "_given":[null,{"extension":[{"url":"http://a","valueCode":"x"}]},{"id":"g3"}]}]}
            """);

        var given = patient.ChildrenNamed("name")[0].ChildrenNamed("given");

        Assert.Equal(3, given.Count);
        Assert.Equal([true, false, true], given.Select(g => g.HasPrimitiveValue));
        Assert.Equal([0, 1, 2], given.Select(g => g.ArrayIndex));
        Assert.Equal("extension", Assert.Single(given[1].Children).Name);
        Assert.Equal("g3", given[2].ChildrenNamed("id")[0].Json.GetString());
        Assert.Equal("Patient.name[0].given[1]", given[1].Location);
    }

    [Fact]
    public void A_primitive_with_only_an_extension_has_no_value()
    {
        var patient = Parse("""{"resourceType":"Patient","_gender":{"extension":[{"url":"http://x","valueString":"y"}]}}""");

        var gender = Assert.Single(patient.ChildrenNamed("gender"));

        Assert.False(gender.HasPrimitiveValue);
        Assert.Equal("code", gender.TypeName);
        Assert.Single(gender.ChildrenNamed("extension"));
    }

    [Fact]
    public void Contained_resources_are_typed_by_their_resource_type()
    {
        var patient = Parse("""{"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","id":"o1","name":"Acme"}]}""");

        var contained = Assert.Single(patient.ChildrenNamed("contained"));

        Assert.True(contained.IsResource);
        Assert.Equal("Organization", contained.TypeName);
        Assert.Equal("o1", contained.ResourceId);
        Assert.Equal("string", contained.ChildrenNamed("name")[0].TypeName);
        Assert.Empty(contained.ChildrenNamed("resourceType"));
    }

    [Fact]
    public void Backbone_elements_and_content_references_take_their_children_from_the_definitions()
    {
        var questionnaire = Parse("""{"resourceType":"Questionnaire","status":"draft","item":[{"linkId":"1","type":"group","item":[{"linkId":"1.1","type":"string"}]}]}""");

        var inner = questionnaire.ChildrenNamed("item")[0].ChildrenNamed("item")[0];

        Assert.Equal("Questionnaire.item.item", inner.Definition?.Path);
        Assert.Equal("#Questionnaire.item", inner.Definition?.ContentReference);
        Assert.Equal("string", inner.ChildrenNamed("linkId")[0].TypeName);
        Assert.Equal("code", inner.ChildrenNamed("type")[0].TypeName);
    }

    [Fact]
    public void Without_definitions_nodes_keep_their_json_names_and_no_type()
    {
        using var document = JsonDocument.Parse("""{"resourceType":"Observation","valueQuantity":{"value":1}}""");
        var observation = ElementNode.FromResource(document.RootElement, structures: null);

        var value = Assert.Single(observation.ChildrenNamed("valueQuantity"));

        Assert.Null(value.TypeName);
        Assert.Equal("Observation", observation.TypeName);
    }

    [Fact]
    public void Unknown_properties_are_kept_untyped()
    {
        var patient = Parse("""{"resourceType":"Patient","madeUp":{"a":1}}""");

        var madeUp = Assert.Single(patient.ChildrenNamed("madeUp"));

        Assert.Null(madeUp.TypeName);
        Assert.Null(madeUp.Definition);
        Assert.Single(madeUp.ChildrenNamed("a"));
    }

    [Fact]
    public void A_referenced_resource_carries_its_type_and_id_only()
    {
        var target = ElementNode.ForReferencedResource("Patient", "123", Structures);

        Assert.True(target.IsResource);
        Assert.Equal("Patient", target.TypeName);
        Assert.Equal("123", target.ResourceId);
        Assert.Equal("123", Assert.Single(target.Children).Json.GetString());
    }

    [Fact]
    public void Something_other_than_a_resource_object_is_refused() =>
        Assert.Throws<ArgumentException>(() => ElementNode.FromResource(JsonDocument.Parse("""{"id":"x"}""").RootElement, Structures));

    private static ElementNode Parse(string json) => ElementNode.FromResource(JsonDocument.Parse(json).RootElement, Structures);
}
