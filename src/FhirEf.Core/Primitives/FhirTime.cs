using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Primitives;

/// <summary>
/// A FHIR <c>time</c>: a time of day <c>hh:mm:ss(.f+)</c> without date or timezone (R4 regex:
/// hours 00–23, so no <c>24:00:00</c>; seconds required). Equality is that of the text.
/// </summary>
public readonly record struct FhirTime
{
    private readonly string _text;

    private FhirTime(string text, int hour, int minute, int second, int fractionTicks, int fractionDigits)
    {
        _text = text;
        Hour = hour;
        Minute = minute;
        Second = second;
        FractionDigits = fractionDigits;
        TimeOfDay = second == 60
            ? new TimeSpan(hour, minute, 59) + TimeSpan.FromTicks(TimeSpan.TicksPerSecond - 1)
            : new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(fractionTicks);
    }

    public int Hour { get; }

    public int Minute { get; }

    /// <summary>0–60 (the regex allows a leap second).</summary>
    public int Second { get; }

    public int FractionDigits { get; }

    /// <summary>The time as a span since midnight, to the tick; a leap second is the last tick of second 59.</summary>
    public TimeSpan TimeOfDay { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out FhirTime value)
    {
        value = default;
        var position = 0;
        if (text is null
            || !DateTimeParser.TryParseTime(text, ref position, out var hour, out var minute, out var second, out var fractionTicks, out var fractionDigits)
            || position != text.Length)
        {
            return false;
        }

        value = new FhirTime(text, hour, minute, second, fractionTicks, fractionDigits);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is a time, without keeping it.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var position = 0;
        return DateTimeParser.TryParseTime(text, ref position, out _, out _, out _, out _, out _) && position == text.Length;
    }

    public override string ToString() => _text ?? string.Empty;
}
