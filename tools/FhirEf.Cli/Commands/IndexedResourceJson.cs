using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirEf.Core.Indexing;
using FhirEf.Core.Indexing.Values;

namespace FhirEf.Cli.Commands;

/// <summary>
/// The JSON <c>fhiref index</c> prints: <c>values</c> (parameter code → array of values, each an object with
/// its <c>type</c> and that type's fields; decimals with their exact digits, dates in UTC round-trip form,
/// open ends as <c>"-infinity"</c>/<c>"infinity"</c>), <c>compartments</c>, <c>lookups</c>, the
/// <c>narrativeText</c> and <c>contentText</c> with their lengths, and <c>diagnostics</c>.
/// </summary>
internal static class IndexedResourceJson
{
    public static string Write(IndexedResource indexed, IReadOnlyList<IndexingDiagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", indexed.ResourceType);
            writer.WriteString("id", indexed.Id);
            writer.WriteNumber("indexerVersion", indexed.IndexerVersion);
            writer.WriteStartObject("values");
            foreach (var (code, values) in indexed.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(code);
                foreach (var value in values)
                {
                    WriteValue(writer, value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            WriteStrings(writer, "compartments", indexed.Compartments);
            writer.WriteStartArray("lookups");
            foreach (var lookup in indexed.Lookups)
            {
                writer.WriteStartObject();
                writer.WriteString("table", lookup.Table);
                writer.WriteString("code", lookup.Code);
                writer.WriteStartObject("fields");
                foreach (var (name, field) in lookup.Fields)
                {
                    writer.WritePropertyName(name);
                    JsonSerializer.Serialize(writer, field);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteText(writer, "narrativeText", indexed.NarrativeText);
            WriteText(writer, "contentText", indexed.ContentText);
            WriteStrings(writer, "diagnostics", [.. diagnostics.Select(d => d.ToString())]);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, SearchValue value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case StringSearchValue text:
                writer.WriteString("type", "string");
                writer.WriteString("value", text.Value);
                break;
            case TokenSearchValue token:
                writer.WriteString("type", "token");
                WriteOptional(writer, "system", token.System);
                WriteOptional(writer, "code", token.Code);
                WriteOptional(writer, "text", token.Text);
                if (token.OfType is { } ofType)
                {
                    writer.WriteStartObject("ofType");
                    WriteOptional(writer, "system", ofType.System);
                    WriteOptional(writer, "code", ofType.Code);
                    writer.WriteEndObject();
                }

                break;
            case DateSearchValue date:
                writer.WriteString("type", "date");
                writer.WriteString("start", date.Start == DateSearchValue.OpenStart ? "-infinity" : date.Start.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("end", date.End == DateSearchValue.OpenEnd ? "infinity" : date.End.ToString("O", CultureInfo.InvariantCulture));
                break;
            case NumberSearchValue number:
                writer.WriteString("type", "number");
                WriteRange(writer, number.Value, number.Low, number.High);
                break;
            case QuantitySearchValue quantity:
                writer.WriteString("type", "quantity");
                WriteRange(writer, quantity.Value, quantity.Low, quantity.High);
                WriteOptional(writer, "system", quantity.System);
                WriteOptional(writer, "code", quantity.Code);
                WriteOptional(writer, "unit", quantity.Unit);
                break;
            case ReferenceSearchValue reference:
                writer.WriteString("type", "reference");
                WriteOptional(writer, "targetType", reference.TargetType);
                WriteOptional(writer, "targetId", reference.TargetId);
                WriteOptional(writer, "version", reference.Version);
                WriteOptional(writer, "url", reference.Url);
                WriteOptional(writer, "containedId", reference.ContainedId);
                WriteOptional(writer, "identifierSystem", reference.IdentifierSystem);
                WriteOptional(writer, "identifierValue", reference.IdentifierValue);
                break;
            case UriSearchValue uri:
                writer.WriteString("type", "uri");
                writer.WriteString("value", uri.Value);
                break;
            case CompositeSearchValue composite:
                writer.WriteString("type", "composite");
                writer.WriteStartArray("components");
                foreach (var component in composite.Components)
                {
                    writer.WriteStartArray();
                    foreach (var part in component)
                    {
                        WriteValue(writer, part);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, decimal value, decimal low, decimal high)
    {
        writer.WriteNumber("value", value);
        if (low == decimal.MinValue)
        {
            writer.WriteString("low", "-infinity");
        }
        else
        {
            writer.WriteNumber("low", low);
        }

        if (high == decimal.MaxValue)
        {
            writer.WriteString("high", "infinity");
        }
        else
        {
            writer.WriteNumber("high", high);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? text)
    {
        writer.WriteString(name, text);
        writer.WriteNumber(name + "Length", text?.Length ?? 0);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
