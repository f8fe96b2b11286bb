using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.ErrorHandling;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Patching;

/// <summary>
/// JSON Patch (RFC 6902) over a <see cref="JsonNode"/> tree: add, remove, replace, move, copy and test,
/// with JSON Pointers (RFC 6901). A malformed document is a bad request (400); an operation that does
/// not apply to this resource (a missing path, a failed test) is unprocessable (422, RFC 5789 §2.2).
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies every operation in order; returns the new root (an operation on "" replaces it).</summary>
    public static JsonNode? Apply(JsonNode? root, JsonElement operations)
    {
        if (operations.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidRequestException("A JSON Patch document is an array of operations (RFC 6902 §3).");
        }

        var index = 0;
        foreach (var operation in operations.EnumerateArray())
        {
            root = ApplyOne(root, operation, index++);
        }

        return root;
    }

    private static JsonNode? ApplyOne(JsonNode? root, JsonElement operation, int index)
    {
        var at = $"operation {index}";
        if (operation.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException($"JSON Patch {at} is not an object.");
        }

        var op = Member(operation, "op", at);
        var path = JsonPointer.Parse(Member(operation, "path", at), at);
        switch (op)
        {
            case "add":
                return Add(root, path, Value(operation, at), at);
            case "remove":
                Remove(root, path, at);
                return root;
            case "replace":
                if (path.Count == 0)
                {
                    return Value(operation, at);
                }

                Remove(root, path, at);
                return Add(root, path, Value(operation, at), at);
            case "move":
                {
                    var from = JsonPointer.Parse(Member(operation, "from", at), at);
                    if (from.Count < path.Count && path.Take(from.Count).SequenceEqual(from))
                    {
                        throw new InvalidRequestException($"JSON Patch {at} moves a value into itself.");
                    }

                    var value = Remove(root, from, at);
                    return Add(root, path, value, at);
                }

            case "copy":
                {
                    var from = JsonPointer.Parse(Member(operation, "from", at), at);
                    return Add(root, path, Get(root, from, at)?.DeepClone(), at);
                }

            case "test":
                if (!JsonNode.DeepEquals(Get(root, path, at), Value(operation, at)))
                {
                    throw new UnprocessableEntityException($"JSON Patch {at}: the test of {JsonPointer.Format(path)} failed.");
                }

                return root;
            default:
                throw new InvalidRequestException($"JSON Patch {at} has op '{op}'; RFC 6902 defines add, remove, replace, move, copy and test.");
        }
    }

    private static JsonNode? Add(JsonNode? root, IReadOnlyList<string> path, JsonNode? value, string at)
    {
        if (path.Count == 0)
        {
            return value;
        }

        var parent = Get(root, path.Take(path.Count - 1).ToArray(), at);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var position = last == "-" ? array.Count : ArrayIndex(last, array.Count, inclusive: true, at);
                array.Insert(position, value);
                break;
            default:
                throw Unprocessable(at, path);
        }

        return root;
    }

    private static JsonNode? Remove(JsonNode? root, IReadOnlyList<string> path, string at)
    {
        if (path.Count == 0)
        {
            throw new UnprocessableEntityException($"JSON Patch {at} cannot remove the whole resource.");
        }

        var parent = Get(root, path.Take(path.Count - 1).ToArray(), at);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out var value):
                obj.Remove(last);
                return value;
            case JsonArray array:
                var position = ArrayIndex(last, array.Count, inclusive: false, at);
                var item = array[position];
                array.RemoveAt(position);
                return item;
            default:
                throw Unprocessable(at, path);
        }
    }

    private static JsonNode? Get(JsonNode? root, IReadOnlyList<string> path, string at)
    {
        var current = root;
        for (var i = 0; i < path.Count; i++)
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(path[i], out var value) => value,
                JsonArray array => array[ArrayIndex(path[i], array.Count, inclusive: false, at)],
                _ => throw Unprocessable(at, path.Take(i + 1).ToArray()),
            };
        }

        return current;
    }

    private static int ArrayIndex(string token, int count, bool inclusive, string at)
    {
        if (token.Length == 0 || token.Length > 9 || !token.All(char.IsAsciiDigit) || (token.Length > 1 && token[0] == '0'))
        {
            throw new UnprocessableEntityException($"JSON Patch {at}: '{token}' is not an array index.");
        }

        var index = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        return index < count || (inclusive && index == count)
            ? index
            : throw new UnprocessableEntityException($"JSON Patch {at}: index {index} is outside the array (length {count}).");
    }

    private static string Member(JsonElement operation, string name, string at) =>
        operation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidRequestException($"JSON Patch {at} needs a string '{name}'.");

    private static JsonNode? Value(JsonElement operation, string at) =>
        operation.TryGetProperty("value", out var value)
            ? JsonNodes.From(value)
            : throw new InvalidRequestException($"JSON Patch {at} needs a 'value'.");

    private static UnprocessableEntityException Unprocessable(string at, IReadOnlyList<string> path) =>
        new($"JSON Patch {at}: {JsonPointer.Format(path)} does not exist in the resource.");
}
