namespace FhirEf.Core.Bulk;

/// <summary>
/// Asynchronous imports of the current tenant (<c>$import</c>, Bulk Data IG style): a job is persisted,
/// run by a background worker, resumed after a crash, and reports per-resource errors.
/// </summary>
public interface IImportJobService
{
    /// <summary>Checks that every input may be read (a 4xx error otherwise) and queues the job.</summary>
    Task<ImportJob> SubmitAsync(IReadOnlyList<ImportInput> inputs, ImportIndexing indexing, CancellationToken cancellationToken);

    Task<ImportJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Stops a queued or running job: the batch in flight commits first, no batch after it writes anything;
    /// the batches committed before stay. False when the tenant has no such job; a finished job is left as it is.
    /// </summary>
    Task<bool> CancelAsync(string id, CancellationToken cancellationToken);

    /// <summary>The resources the job could not store, in input order.</summary>
    IAsyncEnumerable<ImportError> ErrorsAsync(string id, CancellationToken cancellationToken);
}
