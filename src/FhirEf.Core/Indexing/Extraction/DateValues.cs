using System.Text.Json;
using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Primitives;
using FhirEf.Core.Resources;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// date parameters (R4 search §3.1.1.4.7): the inclusive UTC range a value covers. date, dateTime and
/// instant cover their precision ("the range of the value is the day, month, or year as specified";
/// the parsing and ranges are <see cref="FhirDateTime"/>'s); a Period runs from its start's first
/// instant to its end's last, open on a missing side ("a missing lower boundary is 'less than' any
/// actual date"); a Timing gives each event and its <c>repeat.boundsPeriod</c> ("only the outer limits
/// matter"). Values without a timezone (partial dates, and — leniently — times written without one)
/// are taken as UTC, FhirEf's timezone.
/// </summary>
internal static class DateValues
{
    /// <summary>Longer than any date FHIR writes ("2015-02-07T13:28:17.1234567+05:00" is 33).</summary>
    private const int MaxLength = 64;

    public static bool TryAdd(ElementNode node, ValueKind kind, List<SearchValue> output)
    {
        var json = node.Json;
        switch (kind)
        {
            case ValueKind.Date or ValueKind.DateTime or ValueKind.Instant or ValueKind.String:
                if (json.ValueKind == JsonValueKind.Undefined)
                {
                    return true; // only extensions
                }

                if (!TryRange(json, out var start, out var end))
                {
                    return false;
                }

                output.Add(new DateSearchValue(start, end));
                return true;
            case ValueKind.Period:
                return TryAddPeriod(json, output);
            case ValueKind.Timing:
                return TryAddTiming(json, output);
            default:
                return false;
        }
    }

    /// <summary>A System Date or DateTime a FHIRPath function produced.</summary>
    public static bool TryAdd(object value, List<SearchValue> output)
    {
        if (value is not (FhirPathDate or FhirPathDateTime or string) || !TryRange(value.ToString(), out var start, out var end))
        {
            return false;
        }

        output.Add(new DateSearchValue(start, end));
        return true;
    }

    /// <summary>The range of a date, dateTime or instant in JSON.</summary>
    public static bool TryRange(JsonElement value, out DateTimeOffset start, out DateTimeOffset end)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (JsonFields.TryCopyAscii(value, buffer, out var length))
        {
            return TryRange(buffer[..length], out start, out end);
        }

        start = end = default;
        return JsonFields.Text(value) is { } text && TryRange(text, out start, out end);
    }

    /// <summary>
    /// The range of a date, dateTime or instant. R4 requires a timezone once a time is given; a time
    /// written without one is read as UTC rather than lost.
    /// </summary>
    public static bool TryRange(ReadOnlySpan<char> text, out DateTimeOffset start, out DateTimeOffset end)
    {
        if (DateTimeParser.TryParseDateTime(text, requireTime: false, out var parts)
            || (text.Contains('T') && text.Length < MaxLength && TryParseAsUtc(text, out parts)))
        {
            (start, end) = parts.GetRange();
            return true;
        }

        start = end = default;
        return false;
    }

    private static bool TryParseAsUtc(ReadOnlySpan<char> text, out DateTimeParts parts)
    {
        Span<char> withZone = stackalloc char[text.Length + 1];
        text.CopyTo(withZone);
        withZone[^1] = 'Z';
        return DateTimeParser.TryParseDateTime(withZone, requireTime: false, out parts);
    }

    private static bool TryAddPeriod(JsonElement period, List<SearchValue> output)
    {
        var startJson = JsonFields.Property(period, "start"u8);
        var endJson = JsonFields.Property(period, "end"u8);
        var hasStart = startJson.ValueKind == JsonValueKind.String;
        var hasEnd = endJson.ValueKind == JsonValueKind.String;
        if (!hasStart && !hasEnd)
        {
            return true;
        }

        var start = DateSearchValue.OpenStart;
        var end = DateSearchValue.OpenEnd;
        if ((hasStart && !TryRange(startJson, out start, out _)) || (hasEnd && !TryRange(endJson, out _, out end)))
        {
            return false;
        }

        output.Add(new DateSearchValue(start, end));
        return true;
    }

    private static bool TryAddTiming(JsonElement timing, List<SearchValue> output)
    {
        var converted = true;
        var events = JsonFields.Array(timing, "event"u8);
        if (events.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in events.EnumerateArray())
            {
                if (TryRange(item, out var start, out var end))
                {
                    output.Add(new DateSearchValue(start, end));
                }
                else
                {
                    converted &= item.ValueKind == JsonValueKind.Null;
                }
            }
        }

        var bounds = JsonFields.Object(JsonFields.Object(timing, "repeat"u8), "boundsPeriod"u8);
        if (bounds.ValueKind == JsonValueKind.Object)
        {
            converted &= TryAddPeriod(bounds, output);
        }

        return converted;
    }
}
