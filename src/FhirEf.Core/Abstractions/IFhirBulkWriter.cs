using System.Text.Json;

namespace FhirEf.Core.Abstractions;

/// <summary>
/// Writes many resources of the current tenant in one transaction per call, with the same versions,
/// <c>meta</c>, history, references, lookup rows and cache invalidation as <see cref="IFhirRepository"/>
/// gives single writes, but indexed in parallel and stored with bulk copies. Imports and generators use it.
/// </summary>
public interface IFhirBulkWriter
{
    /// <summary>
    /// Writes <paramref name="resources"/>: a resource with an id is an update (update-as-create when
    /// absent; an unchanged one writes no version, so a rerun of an import duplicates nothing), one
    /// without an id is created with a server-assigned id. A resource that cannot be stored (no or an
    /// unknown resourceType, an invalid id) is reported in its item and skipped; the others are written.
    /// </summary>
    Task<BulkWriteResult> WriteAsync(IReadOnlyList<JsonElement> resources, BulkWriteOptions options, CancellationToken cancellationToken);
}
