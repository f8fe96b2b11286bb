namespace FhirEf.EntityFramework.Storage;

/// <summary>The context of the current request: on its connection, in its transaction, filtered to its tenant.</summary>
public interface IFhirDbContextSource
{
    ValueTask<FhirDbContext> ContextAsync(CancellationToken cancellationToken);
}
