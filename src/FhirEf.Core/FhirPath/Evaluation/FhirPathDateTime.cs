using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>A System.DateTime: a date and time of day, possibly partial, with an optional timezone offset.</summary>
public sealed class FhirPathDateTime : TemporalValue
{
    public FhirPathDateTime(int year, int month, int day, int hour, int minute, decimal second, int fractionDigits, TemporalPrecision precision, TimeSpan? offset)
        : base(year, month, day, hour, minute, second, fractionDigits, precision, precision >= TemporalPrecision.Hour ? offset : null)
    {
    }

    /// <summary>
    /// Parses <c>YYYY(-MM(-DD)?)?(T(hh(:mm(:ss(.f+)?)?)?(Z|±hh:mm)?)?)?</c>: FHIR dateTime and instant
    /// values and the text of FHIRPath DateTime literals (<c>2015T</c>, <c>2015-02-04T14:34:28Z</c>).
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FhirPathDateTime? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        var span = text.AsSpan();
        var position = 0;
        if (!TryReadDate(span, ref position, out var year, out var month, out var day, out var precision))
        {
            return false;
        }

        int hour = 0, minute = 0, fractionDigits = 0;
        decimal second = 0;
        TimeSpan? offset = null;
        if (position < span.Length && span[position] == 'T')
        {
            position++;
            if (position < span.Length)
            {
                if (precision != TemporalPrecision.Day
                    || !TryReadTime(span, ref position, out hour, out minute, out second, out fractionDigits, out precision)
                    || !TryReadOffset(span, ref position, out offset))
                {
                    return false;
                }
            }
        }

        if (position != span.Length)
        {
            return false;
        }

        value = new FhirPathDateTime(year, month, day, hour, minute, second, fractionDigits, precision, offset);
        return true;
    }

    /// <summary>The date part, to day precision at most.</summary>
    public FhirPathDate ToDate() => new(Year, Month, Day, Precision > TemporalPrecision.Day ? TemporalPrecision.Day : Precision);

    public static FhirPathDateTime FromDateTimeOffset(DateTimeOffset value) => new(
        value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second + (value.Millisecond / 1000m), 3, TemporalPrecision.Second, value.Offset);

    public override string ToString()
    {
        var text = new StringBuilder(32);
        FhirPathDate.AppendDate(text, this);
        if (Precision >= TemporalPrecision.Hour)
        {
            text.Append('T');
            AppendTime(text);
            if (Offset is { } offset)
            {
                AppendOffset(text, offset);
            }
        }

        return text.ToString();
    }
}
