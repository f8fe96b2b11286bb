using System.Text.Json;

namespace FhirEf.Core.Abstractions;

/// <summary>
/// Versioned storage of FHIR resources for the current tenant. Every write is one ACID transaction (or
/// part of the ambient <see cref="IFhirUnitOfWork"/>) that writes the resource, its history version and
/// its whole search index.
/// </summary>
public interface IFhirRepository
{
    /// <summary>Create with a server-assigned id (a UUID).</summary>
    Task<WriteResult> CreateAsync(JsonElement resource, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>Update, or create with the client's id when absent (update-as-create).</summary>
    Task<WriteResult> UpdateAsync(string resourceType, string id, JsonElement resource, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>Soft delete: a tombstone version; idempotent.</summary>
    Task<WriteResult> DeleteAsync(string resourceType, string id, WriteOptions options, CancellationToken cancellationToken);

    /// <summary>The current version (<see cref="ResourceVersion.Deleted"/> when deleted), or null when it never existed.</summary>
    Task<ResourceVersion?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken);

    Task<ResourceVersion?> ReadVersionAsync(string resourceType, string id, int versionId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string resourceType, string id, CancellationToken cancellationToken);

    Task<HistoryPage> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>Hard delete of every version and index row ($expunge, admin only). Returns the number of versions removed.</summary>
    Task<int> ExpungeAsync(string resourceType, string id, CancellationToken cancellationToken);
}
