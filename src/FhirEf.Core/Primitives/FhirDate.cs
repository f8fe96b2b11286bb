using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Primitives;

/// <summary>
/// A FHIR <c>date</c>: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>, never with a time or timezone
/// (R4 regex in profiles-types.json, plus a calendar check: 1990-02-30 is not a date). It keeps its
/// text and precision, and covers the UTC instants from <see cref="Start"/> to <see cref="End"/>.
/// Equality is that of the text.
/// </summary>
public readonly record struct FhirDate
{
    private readonly string _text;
    private readonly DateTimeParts _parts;

    private FhirDate(string text, DateTimeParts parts)
    {
        _text = text;
        _parts = parts;
    }

    public int Year => _parts.Year;

    /// <summary>1–12, or null for a year.</summary>
    public int? Month => _parts.Precision >= DateTimePrecision.Month ? _parts.Month : null;

    /// <summary>1–31, or null for a year or month.</summary>
    public int? Day => _parts.Precision >= DateTimePrecision.Day ? _parts.Day : null;

    /// <summary><see cref="DateTimePrecision.Year"/>, <see cref="DateTimePrecision.Month"/> or <see cref="DateTimePrecision.Day"/>.</summary>
    public DateTimePrecision Precision => _parts.Precision;

    /// <summary>The first instant covered: a date has no timezone, and FhirEf reads it as a UTC day, month or year (docs/validation.md).</summary>
    public DateTimeOffset Start => _parts.Start;

    /// <summary>The last instant covered, inclusive: "1980-05" ends at 1980-05-31T23:59:59.9999999Z.</summary>
    public DateTimeOffset End => _parts.End;

    public static bool TryParse([NotNullWhen(true)] string? text, out FhirDate value)
    {
        value = default;
        var position = 0;
        if (text is null || !DateTimeParser.TryParseDate(text, ref position, out var parts) || position != text.Length)
        {
            return false;
        }

        value = new FhirDate(text, parts);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a date, without keeping it.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var position = 0;
        return DateTimeParser.TryParseDate(text, ref position, out _) && position == text.Length;
    }

    public override string ToString() => _text ?? string.Empty;
}
