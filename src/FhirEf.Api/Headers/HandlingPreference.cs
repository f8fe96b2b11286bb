namespace FhirEf.Api.Headers;

/// <summary><c>Prefer: handling=…</c> (https://hl7.org/fhir/R4/search.html#errors).</summary>
public enum HandlingPreference
{
    Unspecified,
    Strict,
    Lenient,
}
