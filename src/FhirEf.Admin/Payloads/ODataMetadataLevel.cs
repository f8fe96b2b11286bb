namespace FhirEf.Admin.Payloads;

/// <summary>The <c>odata.metadata</c> format parameter (OData JSON Format §3.1).</summary>
internal enum ODataMetadataLevel
{
    Minimal,
    Full,
    None,
}
