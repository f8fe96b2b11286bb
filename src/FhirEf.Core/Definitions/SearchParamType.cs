namespace FhirEf.Core.Definitions;

/// <summary>SearchParameter.type (https://hl7.org/fhir/R4/valueset-search-param-type.html).</summary>
public enum SearchParamType
{
    Number,
    Date,
    String,
    Token,
    Reference,
    Composite,
    Quantity,
    Uri,
    Special,
}
