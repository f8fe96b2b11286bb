using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Patching;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Tests.Patching;

public sealed class JsonPatchTests
{
    private const string Patient = """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Ann"]}],"a/b":1,"m~n":2}""";

    [Theory]
    [InlineData("""[{"op":"add","path":"/gender","value":"female"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Ann"]}],"a/b":1,"m~n":2,"gender":"female"}""")]
    [InlineData("""[{"op":"add","path":"/name/0/given/0","value":"Zoe"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Zoe","Ann"]}],"a/b":1,"m~n":2}""")]
    [InlineData("""[{"op":"add","path":"/name/-","value":{"family":"Ng"}}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Ann"]},{"family":"Ng"}],"a/b":1,"m~n":2}""")]
    [InlineData("""[{"op":"remove","path":"/active"}]""", """{"resourceType":"Patient","id":"p","name":[{"family":"Lee","given":["Ann"]}],"a/b":1,"m~n":2}""")]
    [InlineData("""[{"op":"replace","path":"/name/0/family","value":"Ng"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"given":["Ann"],"family":"Ng"}],"a/b":1,"m~n":2}""")]
    [InlineData("""[{"op":"move","from":"/name/0/given","path":"/given"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee"}],"a/b":1,"m~n":2,"given":["Ann"]}""")]
    [InlineData("""[{"op":"copy","from":"/name/0","path":"/name/-"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Ann"]},{"family":"Lee","given":["Ann"]}],"a/b":1,"m~n":2}""")]
    [InlineData("""[{"op":"test","path":"/active","value":true},{"op":"remove","path":"/a~1b"},{"op":"remove","path":"/m~0n"}]""", """{"resourceType":"Patient","id":"p","active":true,"name":[{"family":"Lee","given":["Ann"]}]}""")]
    [InlineData("""[]""", Patient)]
    public void Operations_apply_in_order_as_RFC_6902_defines(string patch, string expected)
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Apply(patch)), Apply(patch)!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"op":"add"}""")]
    [InlineData("""[{"path":"/a","value":1}]""")]
    [InlineData("""[{"op":"add","path":"a","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a"}]""")]
    [InlineData("""[{"op":"shuffle","path":"/a"}]""")]
    [InlineData("""[{"op":"move","path":"/name/0/given","from":"/name"}]""")]
    [InlineData("""[7]""")]
    public void Malformed_patch_is_a_bad_request(string patch) => Assert.Throws<InvalidRequestException>(() => Apply(patch));

    [Theory]
    [InlineData("""[{"op":"remove","path":"/gender"}]""")]
    [InlineData("""[{"op":"replace","path":"/nothing/here","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/name/5","value":{}}]""")]
    [InlineData("""[{"op":"add","path":"/name/01","value":{}}]""")]
    [InlineData("""[{"op":"test","path":"/active","value":false}]""")]
    [InlineData("""[{"op":"remove","path":""}]""")]
    public void Operation_that_does_not_apply_to_the_resource_is_unprocessable(string patch) =>
        Assert.Throws<UnprocessableEntityException>(() => Apply(patch));

    private static JsonNode? Apply(string patch)
    {
        using var document = JsonDocument.Parse(patch);
        return JsonPatch.Apply(JsonNode.Parse(Patient), document.RootElement);
    }
}
