namespace FhirEf.Core.Jobs;

/// <summary>Where an asynchronous job (<c>$reindex</c>, <c>$export</c>) stands; stored as its lower-case name.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}
