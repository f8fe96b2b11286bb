using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.Patching;

namespace FhirEf.Api.Interactions;

/// <summary>Adds to and removes from Meta.profile (by value), Meta.tag and Meta.security (by system and code).</summary>
public static class MetaLists
{
    public static void Apply(JsonObject meta, string list, JsonElement items, bool add)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(list);
        if (meta[list] is not JsonArray target)
        {
            target = [];
            meta[list] = target;
        }

        foreach (var item in items.EnumerateArray())
        {
            var existing = target.FirstOrDefault(e => Same(e, item));
            if (add && existing is null)
            {
                target.Add(JsonNodes.From(item));
            }
            else if (!add && existing is not null)
            {
                target.Remove(existing);
            }
        }

        if (target.Count == 0)
        {
            meta.Remove(list);
        }
    }

    private static bool Same(JsonNode? existing, JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return existing is JsonValue value && value.TryGetValue<string>(out var text) && text == item.GetString();
        }

        return existing is JsonObject coding
            && Text(coding["system"]) == (item.TryGetProperty("system", out var system) ? system.GetString() : null)
            && Text(coding["code"]) == (item.TryGetProperty("code", out var code) ? code.GetString() : null);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
