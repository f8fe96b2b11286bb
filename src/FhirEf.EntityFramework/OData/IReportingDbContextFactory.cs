using FhirEf.EntityFramework.Storage;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// Contexts for reporting queries, on a connection of their own (a read replica when
/// <c>ConnectionStrings:Reporting</c> names one), so long reports never hold a request's FHIR session.
/// </summary>
public interface IReportingDbContextFactory
{
    /// <summary>A new no-tracking context; the caller disposes it.</summary>
    ValueTask<FhirDbContext> CreateAsync(CancellationToken cancellationToken);
}
