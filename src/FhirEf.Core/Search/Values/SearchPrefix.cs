namespace FhirEf.Core.Search.Values;

/// <summary>The comparison prefixes of number, date and quantity values (R4 search §3.1.1.4.5).</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}
