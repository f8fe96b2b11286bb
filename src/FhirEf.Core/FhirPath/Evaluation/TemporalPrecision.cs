namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The finest component a date, dateTime or time value gives. Seconds and their fraction are one
/// precision, as the specification's comparison rules require.
/// </summary>
public enum TemporalPrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
}
