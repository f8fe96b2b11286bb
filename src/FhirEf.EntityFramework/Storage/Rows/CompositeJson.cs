using System.Buffers;
using System.Text.Json;
using FhirEf.Core.Indexing.Text;
using FhirEf.Core.Indexing.Values;

namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>
/// The jsonb of a composite column: an array with one object per composite value, keyed by component
/// position, each component an array of its encoded values: tokens and references as their entry
/// strings, strings folded, numbers and quantities as <c>{"v","u"}</c> (value, units), dates as <c>{"s","e"}</c> in
/// epoch milliseconds (±8.64e15 for open ends) so jsonpath compares them as numbers.
/// </summary>
public static class CompositeJson
{
    public const long OpenStartMilliseconds = -8_640_000_000_000_000;
    public const long OpenEndMilliseconds = 8_640_000_000_000_000;

    public static string? Write(IEnumerable<CompositeSearchValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            var any = false;
            foreach (var value in values)
            {
                any = true;
                writer.WriteStartObject();
                for (var i = 0; i < value.Components.Count; i++)
                {
                    writer.WriteStartArray(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    foreach (var component in value.Components[i])
                    {
                        WriteComponent(writer, component);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
            if (!any)
            {
                return null;
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static long Milliseconds(DateTimeOffset value) =>
        value == DateTimeOffset.MinValue ? OpenStartMilliseconds
        : value == DateTimeOffset.MaxValue ? OpenEndMilliseconds
        : value.ToUnixTimeMilliseconds();

    private static void WriteComponent(Utf8JsonWriter writer, SearchValue value)
    {
        switch (value)
        {
            case TokenSearchValue token:
                foreach (var entry in ColumnValues.TokenEntries([token]))
                {
                    writer.WriteStringValue(entry);
                }

                break;
            case ReferenceSearchValue reference:
                foreach (var entry in ColumnValues.ReferenceEntries([reference]))
                {
                    writer.WriteStringValue(entry);
                }

                break;
            case StringSearchValue text:
                writer.WriteStringValue(TextFolding.Fold(text.Value));
                break;
            case UriSearchValue uri:
                writer.WriteStringValue(uri.Value);
                break;
            case NumberSearchValue number:
                writer.WriteStartObject();
                writer.WriteNumber("v", number.Value);
                writer.WriteEndObject();
                break;
            case QuantitySearchValue quantity:
                writer.WriteStartObject();
                writer.WriteNumber("v", quantity.Value);
                writer.WriteStartArray("u");
                foreach (var unit in ColumnValues.UnitEntries([quantity]))
                {
                    writer.WriteStringValue(unit);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case DateSearchValue date:
                writer.WriteStartObject();
                writer.WriteNumber("s", Milliseconds(date.Start));
                writer.WriteNumber("e", Milliseconds(date.End));
                writer.WriteEndObject();
                break;
        }
    }
}
