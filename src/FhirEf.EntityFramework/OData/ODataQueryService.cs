using System.Linq.Expressions;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// Answers OData reporting queries with EF Core on a reporting context: the semantic tree becomes LINQ
/// (<see cref="ODataExpressionBinder"/>), LINQ becomes one SQL statement per page (plus one for an
/// inline count), and PostgreSQL filters, orders, pages and aggregates. Each statement is cancelled
/// after <see cref="ReportingOptions.StatementTimeoutSeconds"/>.
/// </summary>
public sealed class ODataQueryService : IReportingQueryService
{
    private readonly IReportingDbContextFactory _contexts;
    private readonly ISearchPredicateProvider _provider;
    private readonly ReportingOptions _options;

    public ODataQueryService(IReportingDbContextFactory contexts, ISearchPredicateProvider provider, IOptions<ReportingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contexts = contexts;
        _provider = provider;
        _options = options.Value;
    }

    public Task<ReportingPage> QueryAsync(ReportingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync(query, async rows =>
        {
            var source = rows.Rows;
            if (query.Uri.Apply is { } apply)
            {
                var (filtered, grouping) = ODataAggregation.Plan(rows, apply);
                if (grouping is not null)
                {
                    if (query.Uri.SelectAndExpand?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Any() == true)
                    {
                        throw new InvalidReportingQueryException("$expand does not apply to aggregated results.");
                    }

                    return await ODataAggregation.RunAsync(rows, filtered, grouping, query.Uri.OrderBy, _options.MaxGroups, cancellationToken);
                }

                source = filtered;
            }

            long? count = query.Uri.QueryCount == true ? await source.LongCountAsync(cancellationToken) : null;
            var skip = (query.Uri.Skip ?? 0) + query.Offset;
            var take = query.Uri.Top is { } top ? Math.Min(query.PageSize, top - query.Offset) : query.PageSize;
            if (take <= 0)
            {
                return new ReportingPage([], count, HasMore: false);
            }

            if (skip > int.MaxValue)
            {
                throw new InvalidReportingQueryException("$skip is too large.");
            }

            var projection = ODataProjection.Create(rows.Context, rows.Entity, rows.EdmType, rows.Binder.Row, query.Uri.SelectAndExpand, _options.MaxQueryNodes);
            var page = await rows.Ordered(source, query.Uri.OrderBy)
                .Skip((int)skip)
                .Take((int)take + 1)
                .Select(projection.Lambda(rows.Binder))
                .ToListAsync(cancellationToken);
            // A row past the page is more only when $top (if any) reaches beyond this page.
            var hasMore = page.Count > take && (query.Uri.Top is not { } limit || query.Offset + take < limit);
            var result = page.Take((int)take).Select(projection.ToRow).ToList();
            return new ReportingPage(result, count, hasMore);
        }, cancellationToken);
    }

    public Task<long> CountAsync(ReportingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync(query, rows => rows.Rows.LongCountAsync(cancellationToken), cancellationToken);
    }

    public Task<string?> ContentAsync(ReportingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return RunAsync(
            query,
            rows => rows.Ordered(rows.Rows, orderBy: null).Select(row => EF.Property<string?>(row, FixedColumns.Content)).FirstOrDefaultAsync(cancellationToken),
            cancellationToken);
    }

    private async Task<T> RunAsync<T>(ReportingQuery query, Func<ODataRows, Task<T>> run, CancellationToken cancellationToken)
    {
        await using var context = await _contexts.CreateAsync(cancellationToken);
        context.Database.SetCommandTimeout(_options.StatementTimeoutSeconds);
        try
        {
            return await run(ODataRows.Create(context, _provider, query, _options.MaxQueryNodes));
        }
        catch (Exception e) when (DatabaseTimeouts.IsTimeout(e))
        {
            throw new ReportingTimeoutException(_options.StatementTimeoutSeconds, e);
        }
    }
}
