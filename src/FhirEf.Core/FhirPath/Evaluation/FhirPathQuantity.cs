using System.Globalization;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// A System.Quantity: a decimal value and a unit, which is a UCUM code (<c>'mg'</c>, <c>'wk'</c>) or a
/// calendar duration keyword (<c>week</c>, stored in its singular form).
/// </summary>
public sealed class FhirPathQuantity
{
    /// <summary>The unit of a plain number: UCUM's unity.</summary>
    public const string UnityUnit = "1";

    private static readonly string[] CalendarUnits = ["year", "month", "week", "day", "hour", "minute", "second", "millisecond"];

    public FhirPathQuantity(decimal value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Value = value;
        Unit = NormalizeCalendarKeyword(unit);
    }

    public decimal Value { get; }

    public string Unit { get; }

    /// <summary>True for the calendar duration keywords (<c>year</c> … <c>millisecond</c>), which are not UCUM units.</summary>
    public bool IsCalendarDuration => Array.IndexOf(CalendarUnits, Unit) >= 0;

    /// <summary>
    /// Parses the <c>toQuantity()</c> string form: a number, then optionally a quoted UCUM unit or a
    /// calendar keyword (<c>4 days</c>, <c>10 'mg'</c>, <c>1.5</c>).
    /// </summary>
    public static bool TryParse(string text, out FhirPathQuantity? quantity)
    {
        ArgumentNullException.ThrowIfNull(text);
        quantity = null;
        var span = text.AsSpan().Trim();
        var end = 0;
        if (end < span.Length && span[end] is '+' or '-')
        {
            end++;
        }

        var digitsStart = end;
        while (end < span.Length && char.IsAsciiDigit(span[end]))
        {
            end++;
        }

        if (end == digitsStart)
        {
            return false;
        }

        if (end < span.Length && span[end] == '.')
        {
            var fractionStart = ++end;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
            {
                end++;
            }

            if (end == fractionStart)
            {
                return false;
            }
        }

        if (!decimal.TryParse(span[..end], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var rest = span[end..].TrimStart();
        if (rest.IsEmpty)
        {
            quantity = new FhirPathQuantity(value, UnityUnit);
            return true;
        }

        if (rest.Length >= 2 && rest[0] == '\'' && rest[^1] == '\'')
        {
            quantity = new FhirPathQuantity(value, rest[1..^1].ToString());
            return true;
        }

        var keyword = rest.ToString();
        if (Array.IndexOf(CalendarUnits, NormalizeCalendarKeyword(keyword)) >= 0)
        {
            quantity = new FhirPathQuantity(value, keyword);
            return true;
        }

        return false;
    }

    public override string ToString()
    {
        var value = Value.ToString(CultureInfo.InvariantCulture);
        return IsCalendarDuration ? $"{value} {Unit}" : $"{value} '{Unit}'";
    }

    private static string NormalizeCalendarKeyword(string unit) =>
        unit.Length > 1 && unit[^1] == 's' && Array.IndexOf(CalendarUnits, unit[..^1]) >= 0 ? unit[..^1] : unit;
}
