namespace FhirEf.Core.Abstractions;

/// <summary>
/// Makes the repository calls between <see cref="BeginAsync"/> and <see cref="IFhirTransaction.CommitAsync"/>
/// one transaction. Nested begins are savepoints: an inner rollback undoes only its own part.
/// </summary>
public interface IFhirUnitOfWork
{
    bool IsActive { get; }

    Task<IFhirTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>A (nested) transaction; disposing it without committing rolls it back.</summary>
public interface IFhirTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync(CancellationToken cancellationToken);
}
