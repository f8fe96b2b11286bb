namespace FhirEf.Core.Search.Expressions;

public enum StringMatch
{
    StartsWith,
    Exact,
    Contains,
}
