using System.Runtime.CompilerServices;
using FhirEf.Core.Bulk;
using FhirEf.Core.Errors;
using FhirEf.EntityFramework.Npgsql.Storage;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary><see cref="IImportJobService"/>: jobs persisted in the database, run by <see cref="ImportWorker"/>.</summary>
public sealed class NpgsqlImportJobService(FhirSession session, ImportSources sources, ImportSignal signal, TimeProvider time) : IImportJobService
{
    public async Task<ImportJob> SubmitAsync(IReadOnlyList<ImportInput> inputs, ImportIndexing indexing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new InvalidRequestException("An import needs at least one input.");
        }

        foreach (var input in inputs)
        {
            sources.Check(input);
        }

        var id = Guid.CreateVersion7().ToString("N");
        var connection = await session.ConnectionAsync(cancellationToken);
        await ImportJobStore.CreateAsync(connection, session.Tenant.ProjectId, id, inputs, indexing, time.GetUtcNow(), cancellationToken);
        signal.Notify();
        return (await ImportJobStore.GetAsync(connection, session.Tenant.ProjectId, id, cancellationToken))!;
    }

    public async Task<ImportJob?> GetAsync(string id, CancellationToken cancellationToken) =>
        await ImportJobStore.GetAsync(await session.ConnectionAsync(cancellationToken), session.Tenant.ProjectId, id, cancellationToken);

    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken) =>
        await ImportJobStore.CancelAsync(await session.ConnectionAsync(cancellationToken), session.Tenant.ProjectId, id, time.GetUtcNow(), cancellationToken);

    public async IAsyncEnumerable<ImportError> ErrorsAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await foreach (var error in ImportJobStore.ErrorsAsync(connection, session.Tenant.ProjectId, id, cancellationToken))
        {
            yield return error;
        }
    }
}
