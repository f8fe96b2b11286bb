using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Primitives;

/// <summary>
/// A FHIR <c>dateTime</c>: a partial date (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) or a full
/// <c>YYYY-MM-DDThh:mm:ss(.f+)</c> with a required timezone (<c>Z</c> or ±hh:mm up to 14:00), exactly
/// the R4 regex: seconds are required once a time is given, <c>2015-02-07T13:28:17</c> is invalid,
/// hours stop at 23. It keeps its text and precision, and covers the UTC instants from
/// <see cref="Start"/> to <see cref="End"/>. Equality is that of the text.
/// </summary>
public readonly record struct FhirDateTime
{
    private readonly string _text;
    private readonly DateTimeParts _parts;

    private FhirDateTime(string text, DateTimeParts parts)
    {
        _text = text;
        _parts = parts;
    }

    public int Year => _parts.Year;

    public int? Month => _parts.Precision >= DateTimePrecision.Month ? _parts.Month : null;

    public int? Day => _parts.Precision >= DateTimePrecision.Day ? _parts.Day : null;

    /// <summary>The time of day as written (before applying <see cref="Offset"/>), or null for a partial date. A leap second reads 60.</summary>
    public (int Hour, int Minute, int Second)? Time => _parts.Precision == DateTimePrecision.Second ? (_parts.Hour, _parts.Minute, _parts.Second) : null;

    /// <summary>Digits written after the decimal point of the seconds (0 when none; may exceed the 7 a tick holds).</summary>
    public int FractionDigits => _parts.FractionDigits;

    /// <summary>The timezone written with the time; null for a partial date (taken as UTC).</summary>
    public TimeSpan? Offset => _parts.OffsetMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;

    public DateTimePrecision Precision => _parts.Precision;

    /// <summary>The first instant covered, in UTC.</summary>
    public DateTimeOffset Start => _parts.Start;

    /// <summary>The last instant covered, inclusive, in UTC: "2015-02-07T13:28:17+01:00" ends at 12:28:17.9999999Z.</summary>
    public DateTimeOffset End => _parts.End;

    public static bool TryParse([NotNullWhen(true)] string? text, out FhirDateTime value)
    {
        value = default;
        if (text is null || !DateTimeParser.TryParseDateTime(text, requireTime: false, out var parts))
        {
            return false;
        }

        value = new FhirDateTime(text, parts);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a dateTime, without keeping it.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => DateTimeParser.TryParseDateTime(text, requireTime: false, out _);

    public override string ToString() => _text ?? string.Empty;
}
