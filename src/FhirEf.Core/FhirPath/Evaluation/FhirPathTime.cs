using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>A System.Time: a time of day to hour, minute or (fractional) second precision, without offset.</summary>
public sealed class FhirPathTime : TemporalValue
{
    public FhirPathTime(int hour, int minute, decimal second, int fractionDigits, TemporalPrecision precision)
        : base(1, 1, 1, hour, minute, second, fractionDigits, precision, null)
    {
        if (precision < TemporalPrecision.Hour)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), "A time is precise to the hour at least.");
        }
    }

    /// <summary>Parses <c>hh(:mm(:ss(.f+)?)?)?</c>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FhirPathTime? time)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        if (TryReadTime(text, ref position, out var hour, out var minute, out var second, out var digits, out var precision) && position == text.Length)
        {
            time = new FhirPathTime(hour, minute, second, digits, precision);
            return true;
        }

        time = null;
        return false;
    }

    public override string ToString()
    {
        var text = new StringBuilder(12);
        AppendTime(text);
        return text.ToString();
    }
}
