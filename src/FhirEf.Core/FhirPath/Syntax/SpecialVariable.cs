namespace FhirEf.Core.FhirPath.Syntax;

public enum SpecialVariable
{
    This,
    Index,
    Total,
}
