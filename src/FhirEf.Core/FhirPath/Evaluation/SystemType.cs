namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>The primitive types of FHIRPath's System namespace.</summary>
internal enum SystemType
{
    Boolean,
    Integer,
    Decimal,
    String,
    Date,
    DateTime,
    Time,
    Quantity,
}
