using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Patching;

/// <summary>One <c>operation</c> parameter of a FHIRPath Patch, with its parts read.</summary>
public sealed record FhirPathPatchOperation(string Type, string Path)
{
    public string? Name { get; init; }

    /// <summary>The value as JSON; a value given as parts becomes an object.</summary>
    public JsonNode? Value { get; init; }

    /// <summary>The FHIR type of a value given as value[x] (<c>valueQuantity</c> → <c>Quantity</c>); null for a value given as parts.</summary>
    public string? ValueType { get; init; }

    public int? Index { get; init; }

    public int? Source { get; init; }

    public int? Destination { get; init; }

    public static IReadOnlyList<FhirPathPatchOperation> ReadAll(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("resourceType", out var type)
            || type.ValueKind != JsonValueKind.String
            || !type.ValueEquals("Parameters"))
        {
            throw new InvalidRequestException("A FHIRPath Patch is a Parameters resource (https://hl7.org/fhir/R4/fhirpatch.html).");
        }

        var operations = new List<FhirPathPatchOperation>();
        if (!parameters.TryGetProperty("parameter", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return operations;
        }

        var index = 0;
        foreach (var parameter in list.EnumerateArray())
        {
            var at = $"Parameters.parameter[{index++}]";
            if (!parameter.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !name.ValueEquals("operation"))
            {
                throw new InvalidRequestException($"{at}: a FHIRPath Patch has only parameters named 'operation'.", at);
            }

            operations.Add(Read(parameter, at));
        }

        return operations;
    }

    private static FhirPathPatchOperation Read(JsonElement parameter, string at)
    {
        string? type = null, path = null, name = null, valueType = null;
        JsonNode? value = null;
        int? index = null, source = null, destination = null;
        if (parameter.TryGetProperty("part", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in parts.EnumerateArray())
            {
                var partName = part.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                switch (partName)
                {
                    case "type":
                        type = Primitive(part, at, partName)?.ToString();
                        break;
                    case "path":
                        path = Primitive(part, at, partName)?.ToString();
                        break;
                    case "name":
                        name = Primitive(part, at, partName)?.ToString();
                        break;
                    case "index":
                        index = Integer(part, at, partName);
                        break;
                    case "source":
                        source = Integer(part, at, partName);
                        break;
                    case "destination":
                        destination = Integer(part, at, partName);
                        break;
                    case "value":
                        (value, valueType) = ReadValue(part);
                        break;
                    default:
                        throw new InvalidRequestException($"{at}: unknown part '{partName}'.", at);
                }
            }
        }

        return new FhirPathPatchOperation(
            type ?? throw new InvalidRequestException($"{at} has no 'type' part.", at),
            path ?? throw new InvalidRequestException($"{at} has no 'path' part.", at))
        {
            Name = name,
            Value = value,
            ValueType = valueType,
            Index = index,
            Source = source,
            Destination = destination,
        };
    }

    /// <summary>value[x] of a part, or an object built from its own parts.</summary>
    private static (JsonNode? Value, string? Type) ReadValue(JsonElement part)
    {
        foreach (var property in part.EnumerateObject())
        {
            if (property.Name.Length > 5 && property.Name.StartsWith("value", StringComparison.Ordinal))
            {
                var suffix = property.Name[5..];
                return (JsonNodes.From(property.Value), suffix);
            }
        }

        if (part.TryGetProperty("part", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            var obj = new JsonObject();
            foreach (var child in parts.EnumerateArray())
            {
                if (child.TryGetProperty("name", out var childName) && childName.ValueKind == JsonValueKind.String)
                {
                    var (childValue, childType) = ReadValue(child);
                    // A part named after a choice element ("value") takes its type ("valueString").
                    var key = childName.GetString()!;
                    obj[key.EndsWith("[x]", StringComparison.Ordinal) && childType is not null ? key[..^3] + childType : key] = childValue;
                }
            }

            return (obj, null);
        }

        return (null, null);
    }

    private static object? Primitive(JsonElement part, string at, string name)
    {
        foreach (var property in part.EnumerateObject())
        {
            if (property.Name.StartsWith("value", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }
        }

        throw new InvalidRequestException($"{at}: the '{name}' part needs a string value.", at);
    }

    private static int Integer(JsonElement part, string at, string name) =>
        part.TryGetProperty("valueInteger", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new InvalidRequestException($"{at}: the '{name}' part needs a valueInteger.", at);
}
