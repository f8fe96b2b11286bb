namespace FhirEf.Core.Reporting;

/// <summary>
/// Answers OData reporting queries in the database: filters, ordering, paging, projection and
/// aggregation all become SQL; nothing is filtered or aggregated in memory.
/// </summary>
public interface IReportingQueryService
{
    /// <summary>The rows of an entity set (or one entity, by key) after the query options.</summary>
    Task<ReportingPage> QueryAsync(ReportingQuery query, CancellationToken cancellationToken);

    /// <summary><c>/EntitySet/$count</c>: the number of rows the filter matches.</summary>
    Task<long> CountAsync(ReportingQuery query, CancellationToken cancellationToken);

    /// <summary><c>/Patient('id')/Resource</c>: the resource JSON of one row, null when there is none.</summary>
    Task<string?> ContentAsync(ReportingQuery query, CancellationToken cancellationToken);
}
