namespace FhirEf.Core.Bulk;

public enum ImportJobStatus
{
    /// <summary>Accepted, waiting for the worker.</summary>
    Queued,

    /// <summary>Being imported (or interrupted by a crash: the worker resumes it).</summary>
    Running,

    Completed,

    /// <summary>Stopped by an error that is not one resource's (an input could not be read).</summary>
    Failed,

    /// <summary>Stopped by a DELETE of its status URL; the batches committed before it stay, nothing is written after.</summary>
    Cancelled,
}
