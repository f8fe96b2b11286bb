namespace FhirEf.EntityFramework.Storage.Rows;

/// <summary>The identity, version and stored JSON of a version being written (JSON null for a deletion).</summary>
public sealed record StoredVersion(string ResourceType, string Id, int VersionId, DateTimeOffset LastUpdated, bool Deleted, string? Json);
