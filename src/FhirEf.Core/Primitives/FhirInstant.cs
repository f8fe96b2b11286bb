using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Primitives;

/// <summary>
/// A FHIR <c>instant</c>: always <c>YYYY-MM-DDThh:mm:ss(.f+)</c> with a timezone (R4 regex). It keeps
/// its text and the precision of its seconds: <c>…:17Z</c> covers the whole second, <c>…:17.123Z</c>
/// one millisecond. Equality is that of the text.
/// </summary>
public readonly record struct FhirInstant
{
    private readonly string _text;
    private readonly DateTimeParts _parts;

    private FhirInstant(string text, DateTimeParts parts)
    {
        _text = text;
        _parts = parts;
    }

    /// <summary>The instant as written, with its offset; fraction digits past the seventh are dropped, a leap second is the last tick of second 59.</summary>
    public DateTimeOffset Value => Start.ToOffset(Offset);

    public TimeSpan Offset => TimeSpan.FromMinutes(_parts.OffsetMinutes ?? 0);

    /// <summary>Digits written after the decimal point of the seconds (0 when none).</summary>
    public int FractionDigits => _parts.FractionDigits;

    /// <summary>The first instant covered, in UTC (equal to <see cref="Value"/>).</summary>
    public DateTimeOffset Start => _parts.Start;

    /// <summary>The last instant covered, inclusive, in UTC: the end of the last written digit.</summary>
    public DateTimeOffset End => _parts.End;

    public static bool TryParse([NotNullWhen(true)] string? text, out FhirInstant value)
    {
        value = default;
        if (text is null || !DateTimeParser.TryParseDateTime(text, requireTime: true, out var parts))
        {
            return false;
        }

        value = new FhirInstant(text, parts);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is an instant, without keeping it.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => DateTimeParser.TryParseDateTime(text, requireTime: true, out _);

    public override string ToString() => _text ?? string.Empty;
}
