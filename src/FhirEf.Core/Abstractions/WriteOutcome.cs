namespace FhirEf.Core.Abstractions;

public enum WriteOutcome
{
    /// <summary>A new resource (HTTP 201).</summary>
    Created,

    /// <summary>A new version of an existing resource (HTTP 200).</summary>
    Updated,

    /// <summary>The content equals the current version's: no new version was written (HTTP 200).</summary>
    Unchanged,

    /// <summary>The resource was deleted now (a tombstone version was written).</summary>
    Deleted,

    /// <summary>Nothing to delete: the resource is absent or already deleted (delete is idempotent).</summary>
    NothingToDelete,
}
