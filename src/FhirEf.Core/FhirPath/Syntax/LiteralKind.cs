namespace FhirEf.Core.FhirPath.Syntax;

public enum LiteralKind
{
    Boolean,
    String,
    Integer,
    Decimal,
    Date,
    DateTime,
    Time,
}
