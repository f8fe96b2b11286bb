namespace FhirEf.Core.Jobs;

/// <summary>
/// The persisted asynchronous jobs. A job is created queued; a worker claims it, records progress after each
/// batch, and ends it. Because the state is in the database, a job survives a restart and resumes from its
/// last recorded progress.
/// </summary>
public interface IFhirJobStore
{
    /// <summary>Queues a job; <paramref name="request"/> is serialized with <see cref="JobJson"/>.</summary>
    Task<FhirJob> CreateAsync<T>(string kind, T request, CancellationToken cancellationToken);

    Task<FhirJob?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Marks a job cancelled (a running one stops at its next batch). False when there is no such job, or it was cancelled already.</summary>
    Task<bool> CancelAsync(Guid id, CancellationToken cancellationToken);
}
