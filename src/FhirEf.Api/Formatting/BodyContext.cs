namespace FhirEf.Api.Formatting;

/// <summary>What writing a body needs besides the body: the FHIR base URL for fullUrls and links, the projector and the requested format.</summary>
public sealed record BodyContext(string BaseUrl, ResourceProjector Projector, ResponseFormat Format);
