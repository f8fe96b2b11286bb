using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>A System.Date: a calendar date to year, month or day precision, without time or offset.</summary>
public sealed class FhirPathDate : TemporalValue
{
    public FhirPathDate(int year, int month, int day, TemporalPrecision precision)
        : base(year, month, day, 0, 0, 0, 0, precision, null)
    {
        if (precision > TemporalPrecision.Day)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), "A date is precise to the day at most.");
        }
    }

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FhirPathDate? date)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        if (TryReadDate(text, ref position, out var year, out var month, out var day, out var precision) && position == text.Length)
        {
            date = new FhirPathDate(year, month, day, precision);
            return true;
        }

        date = null;
        return false;
    }

    /// <summary>The same date as a DateTime with date precision and no time (FHIRPath's implicit Date → DateTime conversion).</summary>
    public FhirPathDateTime ToDateTime() => new(Year, Month, Day, 0, 0, 0, 0, Precision, null);

    public override string ToString() => Precision switch
    {
        TemporalPrecision.Year => Year.ToString("0000", CultureInfo.InvariantCulture),
        TemporalPrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{Day:00}"),
    };

    internal static void AppendDate(StringBuilder text, TemporalValue value)
    {
        text.Append(CultureInfo.InvariantCulture, $"{value.Year:0000}");
        if (value.Precision >= TemporalPrecision.Month)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{value.Month:00}");
        }

        if (value.Precision >= TemporalPrecision.Day)
        {
            text.Append(CultureInfo.InvariantCulture, $"-{value.Day:00}");
        }
    }
}
