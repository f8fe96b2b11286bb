namespace FhirEf.Api.Capabilities;

/// <summary>A CapabilityStatement as JSON and its ETag (it changes when the statement does).</summary>
public sealed record CapabilityDocument(string Json, string ETag);
