namespace FhirEf.Api.Interactions;

/// <summary>The conditional read headers (https://hl7.org/fhir/R4/http.html#cread): <c>If-None-Match</c> and <c>If-Modified-Since</c>.</summary>
public sealed record ReadConditions(string? IfNoneMatch, DateTimeOffset? IfModifiedSince)
{
    public static ReadConditions None { get; } = new(null, null);
}
