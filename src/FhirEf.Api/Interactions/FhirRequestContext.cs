using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;

namespace FhirEf.Api.Interactions;

/// <summary>What the REST layer worked out about the current request before running it (a scoped service).</summary>
public sealed class FhirRequestContext
{
    public ResponseFormat Format { get; set; } = ResponseFormat.Default;

    public PreferHeader Prefer { get; set; } = PreferHeader.None;

    /// <summary>The FHIR base URL: <c>http://host/fhir</c>, or <c>Fhir:Api:PublicBaseUrl</c>.</summary>
    public string BaseUrl { get; set; } = string.Empty;
}
