namespace FhirEf.Core.Primitives;

/// <summary>The smallest unit a FHIR date, dateTime or instant states ("1980-05" has month precision).</summary>
public enum DateTimePrecision
{
    Year,
    Month,
    Day,

    /// <summary>A time of day to the second, possibly with fractional digits (see <c>FractionDigits</c>).</summary>
    Second,
}
