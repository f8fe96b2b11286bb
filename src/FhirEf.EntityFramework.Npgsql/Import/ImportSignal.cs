namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>Wakes the <see cref="ImportWorker"/> when a job is submitted, so it need not wait for its next poll.</summary>
public sealed class ImportSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up serves every job submitted meanwhile.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
