using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirEf.Api.Patching;

/// <summary>Copies JSON values into mutable nodes; numbers keep their exact text.</summary>
public static class JsonNodes
{
    public static JsonNode? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element.Clone()),
    };
}
