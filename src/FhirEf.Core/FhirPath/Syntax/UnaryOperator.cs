namespace FhirEf.Core.FhirPath.Syntax;

public enum UnaryOperator
{
    Plus,
    Minus,
}
