namespace FhirEf.Core.FhirPath.Syntax;

public enum TypeOperator
{
    Is,
    As,
}
