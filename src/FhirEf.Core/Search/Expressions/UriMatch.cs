namespace FhirEf.Core.Search.Expressions;

public enum UriMatch
{
    Exact,
    Below,
    Above,
}
