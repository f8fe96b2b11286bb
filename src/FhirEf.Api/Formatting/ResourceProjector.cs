using System.Text.Json;
using FhirEf.Core.Definitions;

namespace FhirEf.Api.Formatting;

/// <summary>
/// Writes a resource with <c>_summary</c> or <c>_elements</c> applied
/// (https://hl7.org/fhir/R4/search.html#summary, #elements), as the StructureDefinitions say:
/// <c>true</c> keeps the elements marked isSummary (inside backbone elements too; data types are kept
/// whole), <c>text</c> keeps text, id, meta and the top-level mandatory elements, <c>data</c> drops
/// text, <c>_elements</c> keeps the listed top-level elements and the mandatory ones. A subset is
/// tagged SUBSETTED (http://terminology.hl7.org/CodeSystem/v3-ObservationValue) so that nobody
/// mistakes it for the whole resource.
/// </summary>
public sealed class ResourceProjector(FhirDefinitions definitions)
{
    public const string SubsettedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    public const string SubsettedCode = "SUBSETTED";

    private readonly StructureDefinitionRegistry _structures = definitions.Structures;

    public void Write(Utf8JsonWriter writer, JsonElement resource, SummaryMode summary, IReadOnlyList<string>? elements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var resourceType = resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : string.Empty;
        if (!_structures.TryGetType(resourceType, out var definition) || (summary is SummaryMode.False or SummaryMode.Count && elements is not { Count: > 0 }))
        {
            resource.WriteTo(writer);
            return;
        }

        var listed = elements is { Count: > 0 } ? new HashSet<string>(elements, StringComparer.Ordinal) : null;
        writer.WriteStartObject();
        var wroteMeta = false;
        foreach (var property in resource.EnumerateObject())
        {
            var name = property.Name;
            if (name is "resourceType" or "id")
            {
                property.WriteTo(writer);
                continue;
            }

            if (name == "meta")
            {
                WriteTaggedMeta(writer, property.Value);
                wroteMeta = true;
                continue;
            }

            var elementName = name.StartsWith('_') ? name[1..] : name;
            if (!_structures.TryResolveJsonProperty(definition.Root, elementName, out var element, out _))
            {
                continue;
            }

            var keep = listed is not null
                ? listed.Contains(element.Name) || listed.Contains(elementName) || element.Min > 0
                : summary switch
                {
                    SummaryMode.True => element.IsSummary,
                    SummaryMode.Text => element.Name == "text" || element.Min > 0,
                    SummaryMode.Data => element.Name != "text",
                    _ => true,
                };
            if (!keep)
            {
                continue;
            }

            writer.WritePropertyName(name);
            if (listed is null && summary == SummaryMode.True && element.HasOwnChildren)
            {
                WriteSummaryOnly(writer, property.Value, element);
            }
            else
            {
                property.Value.WriteTo(writer);
            }
        }

        if (!wroteMeta)
        {
            WriteTaggedMeta(writer, default);
        }

        writer.WriteEndObject();
    }

    /// <summary>A backbone element (or an array of them) with only its isSummary children.</summary>
    private void WriteSummaryOnly(Utf8JsonWriter writer, JsonElement value, ElementDefinitionInfo scope)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in value.EnumerateArray())
            {
                WriteSummaryOnly(writer, item, scope);
            }

            writer.WriteEndArray();
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            value.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name;
            var elementName = name.StartsWith('_') ? name[1..] : name;
            ElementDefinitionInfo? child = null;
            if (name == "id" || (_structures.TryResolveJsonProperty(scope, elementName, out child, out _) && child.IsSummary))
            {
                writer.WritePropertyName(name);
                if (child is { HasOwnChildren: true })
                {
                    WriteSummaryOnly(writer, property.Value, child);
                }
                else
                {
                    property.Value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteTaggedMeta(Utf8JsonWriter writer, JsonElement meta)
    {
        writer.WriteStartObject("meta");
        var wroteTag = false;
        if (meta.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in meta.EnumerateObject())
            {
                if (property.NameEquals("tag") && property.Value.ValueKind == JsonValueKind.Array)
                {
                    writer.WriteStartArray("tag");
                    foreach (var tag in property.Value.EnumerateArray())
                    {
                        tag.WriteTo(writer);
                    }

                    WriteSubsetted(writer);
                    writer.WriteEndArray();
                    wroteTag = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }
        }

        if (!wroteTag)
        {
            writer.WriteStartArray("tag");
            WriteSubsetted(writer);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSubsetted(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("system", SubsettedSystem);
        writer.WriteString("code", SubsettedCode);
        writer.WriteEndObject();
    }
}
