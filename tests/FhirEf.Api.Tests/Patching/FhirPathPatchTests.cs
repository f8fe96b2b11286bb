using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Patching;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.FhirPath.Compilation;

namespace FhirEf.Api.Tests.Patching;

public sealed class FhirPathPatchTests
{
    private const string Patient = """
        {"resourceType":"Patient","id":"p","active":true,
         "identifier":[{"system":"http://a","value":"1"},{"system":"http://b","value":"2"}],
         "name":[{"use":"official","family":"Lee","given":["Ann","Bo"],"_given":[null,{"id":"g2"}]}],
         "deceasedBoolean":false}
        """;

    private static readonly FhirPathPatch Patcher = new(FhirDefinitions.R4, FhirPathCompiler.R4);

    [Fact]
    public void Add_sets_a_single_element() =>
        Assert.Equal("1930-01-01", Apply(Op("add", "Patient", name: "birthDate", value: ("valueDate", "1930-01-01")))["birthDate"]!.GetValue<string>());

    [Fact]
    public void Add_appends_to_a_repeating_element() =>
        Assert.Equal(3, Apply(Op("add", "Patient", name: "identifier", value: ("valueIdentifier", new JsonObject { ["value"] = "3" })))["identifier"]!.AsArray().Count);

    [Fact]
    public void Add_names_a_choice_element_after_the_type_of_its_value() =>
        Assert.Equal(2, Apply(Op("add", "Patient", name: "multipleBirth", value: ("valueInteger", 2)))["multipleBirthInteger"]!.GetValue<int>());

    [Fact]
    public void Add_builds_a_complex_value_from_parts()
    {
        var operation = Op("add", "Patient", name: "contact");
        operation["part"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "value",
            ["part"] = new JsonArray(
                new JsonObject { ["name"] = "gender", ["valueCode"] = "female" },
                new JsonObject { ["name"] = "name", ["valueHumanName"] = new JsonObject { ["family"] = "Lee" } }),
        });

        var contact = Apply(operation)["contact"]![0]!;

        Assert.Equal(("female", "Lee"), (contact["gender"]!.GetValue<string>(), contact["name"]!["family"]!.GetValue<string>()));
    }

    [Fact]
    public void Insert_puts_the_value_at_the_index_and_keeps_primitive_extensions_aligned()
    {
        var name = Apply(Op("insert", "Patient.name[0].given", index: 0, value: ("valueString", "Cy")))["name"]![0]!;

        Assert.Equal(["Cy", "Ann", "Bo"], name["given"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("g2", name["_given"]![2]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void Insert_into_an_empty_list_creates_it() =>
        Assert.Single(Apply(Op("insert", "Patient.telecom", index: 0, value: ("valueContactPoint", new JsonObject { ["value"] = "555" })))["telecom"]!.AsArray());

    [Fact]
    public void Delete_removes_the_one_element_found() =>
        Assert.Equal("2", Apply(Op("delete", "Patient.identifier.where(system='http://a')"))["identifier"]!.AsArray().Single()!["value"]!.GetValue<string>());

    [Fact]
    public void Delete_of_the_last_item_removes_the_list_and_delete_of_nothing_changes_nothing()
    {
        var patched = Apply(Op("delete", "Patient.name"), Op("delete", "Patient.photo"));

        Assert.False(patched.AsObject().ContainsKey("name"));
    }

    [Fact]
    public void Replace_changes_a_value_and_a_choice_type() =>
        Assert.Equal("2020-02-02T10:00:00Z", Apply(Op("replace", "Patient.deceased", value: ("valueDateTime", "2020-02-02T10:00:00Z")))["deceasedDateTime"]!.GetValue<string>());

    [Fact]
    public void Replace_an_item_of_a_list() =>
        Assert.Equal("Zed", Apply(Op("replace", "Patient.name.given[1]", value: ("valueString", "Zed")))["name"]![0]!["given"]![1]!.GetValue<string>());

    [Fact]
    public void Move_reorders_a_list() =>
        Assert.Equal(["2", "1"], Apply(Op("move", "Patient.identifier", source: 1, destination: 0))["identifier"]!.AsArray().Select(i => i!["value"]!.GetValue<string>()));

    [Theory]
    [InlineData("Patient.identifier", "delete")]
    [InlineData("Patient.nothing", "replace")]
    [InlineData("Patient.name", "add")]
    public void Operation_that_does_not_apply_is_unprocessable(string path, string type) =>
        Assert.Throws<UnprocessableEntityException>(() => Apply(Op(type, path, name: "unknownElement", value: ("valueString", "x"))));

    [Fact]
    public void Add_to_an_element_that_has_a_value_is_unprocessable() =>
        Assert.Throws<UnprocessableEntityException>(() => Apply(Op("add", "Patient", name: "active", value: ("valueBoolean", false))));

    [Fact]
    public void Insert_past_the_end_is_unprocessable() =>
        Assert.Throws<UnprocessableEntityException>(() => Apply(Op("insert", "Patient.identifier", index: 5, value: ("valueIdentifier", new JsonObject()))));

    [Theory]
    [InlineData("""{"resourceType":"Patient"}""")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"op"}]}""")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"add"}]}]}""")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"explode"},{"name":"path","valueString":"Patient"}]}]}""")]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"operation","part":[{"name":"type","valueCode":"delete"},{"name":"path","valueString":"Patient.name.where("}]}]}""")]
    public void Malformed_patch_is_a_bad_request(string parameters)
    {
        using var document = JsonDocument.Parse(parameters);

        Assert.Throws<InvalidRequestException>(() => Patcher.Apply(JsonNode.Parse(Patient)!.AsObject(), document.RootElement));
    }

    private static JsonObject Op(string type, string path, string? name = null, (string Name, JsonNode? Value)? value = null, int? index = null, int? source = null, int? destination = null)
    {
        var parts = new JsonArray(new JsonObject { ["name"] = "type", ["valueCode"] = type }, new JsonObject { ["name"] = "path", ["valueString"] = path });
        if (name is not null)
        {
            parts.Add(new JsonObject { ["name"] = "name", ["valueString"] = name });
        }

        if (value is { } v)
        {
            parts.Add(new JsonObject { ["name"] = "value", [v.Name] = v.Value });
        }

        foreach (var (partName, number) in new[] { ("index", index), ("source", source), ("destination", destination) })
        {
            if (number is { } n)
            {
                parts.Add(new JsonObject { ["name"] = partName, ["valueInteger"] = n });
            }
        }

        return new JsonObject { ["name"] = "operation", ["part"] = parts };
    }

    private static JsonObject Apply(params JsonObject[] operations)
    {
        var parameters = new JsonObject { ["resourceType"] = "Parameters", ["parameter"] = new JsonArray(operations) };
        using var document = JsonDocument.Parse(parameters.ToJsonString());
        return Patcher.Apply(JsonNode.Parse(Patient)!.AsObject(), document.RootElement);
    }
}
