namespace FhirEf.Core.Abstractions;

/// <summary>
/// One stored version of a resource. <see cref="Json"/> is the resource exactly as stored, with
/// <c>meta.versionId</c> and <c>meta.lastUpdated</c> set; null for a deletion (tombstone).
/// </summary>
public sealed record ResourceVersion(string ResourceType, string Id, int VersionId, DateTimeOffset LastUpdated, bool Deleted, string? Json)
{
    /// <summary>The weak ETag of the version (https://hl7.org/fhir/R4/http.html#versioning): <c>W/"3"</c>.</summary>
    public string ETag => $"W/\"{VersionId}\"";
}
