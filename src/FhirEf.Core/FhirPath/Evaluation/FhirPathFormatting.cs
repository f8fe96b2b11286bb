using System.Text;
using System.Text.Json;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// Writes a result collection as a JSON array: strings, integers and booleans as JSON values;
/// decimals with their exact digits (<c>1.50</c> stays <c>1.50</c>); dates, dateTimes and times as
/// their text without <c>@</c>; a System.Quantity as <c>{"value": 5.4, "unit": "mg"}</c>; FHIR
/// nodes as the JSON they were read from (a primitive as its value).
/// </summary>
public static class FhirPathFormatting
{
    public static void WriteJson(Utf8JsonWriter writer, FhirPathCollection collection)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in collection)
        {
            WriteItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>The collection as indented JSON text.</summary>
    public static string ToJson(FhirPathCollection collection, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, collection);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A one-line rendering for diagnostics such as <c>trace()</c>.</summary>
    public static string Describe(FhirPathCollection collection) => ToJson(collection, indented: false);

    private static void WriteItem(Utf8JsonWriter writer, object item)
    {
        switch (item)
        {
            case ElementNode node when node.Json.ValueKind != JsonValueKind.Undefined:
                node.Json.WriteTo(writer);
                break;
            case ElementNode node:
                writer.WriteStartObject();
                if (node.IsResource && node.TypeName is { } type)
                {
                    writer.WriteString("resourceType", type);
                }

                foreach (var child in node.Children)
                {
                    writer.WritePropertyName(child.JsonName);
                    WriteItem(writer, child);
                }

                writer.WriteEndObject();
                break;
            case bool boolean:
                writer.WriteBooleanValue(boolean);
                break;
            case int integer:
                writer.WriteNumberValue(integer);
                break;
            case decimal number:
                writer.WriteNumberValue(number); // keeps the scale: 1.50 stays 1.50
                break;
            case FhirPathQuantity quantity:
                writer.WriteStartObject();
                writer.WriteNumber("value", quantity.Value);
                writer.WriteString("unit", quantity.Unit);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(item.ToString());
                break;
        }
    }
}
