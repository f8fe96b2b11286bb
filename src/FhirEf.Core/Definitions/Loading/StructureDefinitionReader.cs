using System.Globalization;
using System.Text.Json;
using static FhirEf.Core.Definitions.Loading.DefinitionFileReader;

namespace FhirEf.Core.Definitions.Loading;

/// <summary>Turns a StructureDefinition (specialization, with a snapshot) into a <see cref="FhirTypeDefinition"/>.</summary>
internal static class StructureDefinitionReader
{
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";

    /// <summary>Null for definitions that are not types (constraint profiles).</summary>
    public static FhirTypeDefinition? Read(JsonElement definition)
    {
        if (String(definition, "derivation") == "constraint")
        {
            return null;
        }

        var name = RequiredString(definition, "type");
        var kind = RequiredString(definition, "kind") switch
        {
            "primitive-type" => FhirTypeKind.PrimitiveType,
            "complex-type" => FhirTypeKind.ComplexType,
            "resource" => FhirTypeKind.Resource,
            "logical" => FhirTypeKind.Logical,
            var other => throw new FormatException($"unknown kind '{other}'"),
        };
        var baseDefinition = String(definition, "baseDefinition");
        var baseType = baseDefinition is null ? null : baseDefinition[(baseDefinition.LastIndexOf('/') + 1)..];

        if (!definition.TryGetProperty("snapshot", out var snapshot))
        {
            throw new FormatException("no snapshot");
        }

        var elements = new Dictionary<string, ElementDefinitionInfo>(StringComparer.Ordinal);
        ElementDefinitionInfo? root = null;
        foreach (var element in Array(snapshot, "element"))
        {
            if (String(element, "sliceName") is not null)
            {
                continue;
            }

            var info = ReadElement(element);
            if (!elements.TryAdd(info.Path, info))
            {
                continue;
            }

            var lastDot = info.Path.LastIndexOf('.');
            if (lastDot < 0)
            {
                root = info;
            }
            else if (elements.TryGetValue(info.Path[..lastDot], out var parent))
            {
                parent.AddChild(info);
            }
        }

        return new FhirTypeDefinition(
            name,
            RequiredString(definition, "url"),
            kind,
            Boolean(definition, "abstract", false),
            baseType,
            root ?? throw new FormatException("the snapshot has no root element"),
            elements);
    }

    private static ElementDefinitionInfo ReadElement(JsonElement element)
    {
        var path = RequiredString(element, "path");
        var max = String(element, "max");
        var types = new List<ElementTypeInfo>();
        foreach (var type in Array(element, "type"))
        {
            types.Add(new ElementTypeInfo(TypeCode(type), Strings(type, "targetProfile")));
        }

        var min = element.TryGetProperty("min", out var minValue) && minValue.ValueKind == JsonValueKind.Number ? minValue.GetInt32() : 0;
        return new ElementDefinitionInfo(
            path,
            types,
            min,
            max is null or "*" ? null : int.Parse(max, CultureInfo.InvariantCulture),
            String(element, "contentReference"),
            Boolean(element, "isSummary", false),
            Boolean(element, "isModifier", false));
    }

    /// <summary>System types ("http://hl7.org/fhirpath/System.String") become the FHIR type the extension names.</summary>
    private static string TypeCode(JsonElement type)
    {
        var code = RequiredString(type, "code");
        if (!code.StartsWith(SystemTypePrefix, StringComparison.Ordinal))
        {
            return code;
        }

        foreach (var extension in Array(type, "extension"))
        {
            if (String(extension, "url") == FhirTypeExtension && (String(extension, "valueUrl") ?? String(extension, "valueUri")) is { } fhirType)
            {
                return fhirType;
            }
        }

        var system = code[SystemTypePrefix.Length..];
        return system == "DateTime" ? "dateTime" : char.ToLowerInvariant(system[0]) + system[1..];
    }
}
