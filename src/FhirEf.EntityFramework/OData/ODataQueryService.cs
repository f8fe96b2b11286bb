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

            var columns = Columns(rows, query.Uri.SelectAndExpand);
            var page = await rows.Ordered(source, query.Uri.OrderBy)
                .Skip((int)skip)
                .Take((int)take + 1)
                .Select(Projection(rows.Binder, columns))
                .ToListAsync(cancellationToken);
            // A row past the page is more only when $top (if any) reaches beyond this page.
            var hasMore = page.Count > take && (query.Uri.Top is not { } limit || query.Offset + take < limit);
            var result = page.Take((int)take).Select(values => ToRow(columns, values)).ToList();
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

    /// <summary>
    /// The columns to read: the selected structural properties (all of them without <c>$select</c>),
    /// plus the key and <c>versionId</c>, which the payload needs for ids and ETags.
    /// </summary>
    private static List<string> Columns(ODataRows rows, SelectExpandClause? select)
    {
        var names = new List<string>();
        var all = select is null || select.AllSelected || !select.SelectedItems.OfType<PathSelectItem>().Any();
        var selected = all
            ? rows.EdmType.StructuralProperties().Where(p => !p.Type.IsStream()).Select(p => p.Name)
            : select!.SelectedItems.OfType<PathSelectItem>().Select(i => i.SelectedPath.LastSegment).OfType<PropertySegment>()
                .Where(s => !s.Property.Type.IsStream()).Select(s => s.Property.Name);
        foreach (var name in rows.EdmType.Key().Select(k => k.Name).Concat(HasVersion(rows) ? [FixedColumns.VersionId] : []).Concat(selected))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static bool HasVersion(ODataRows rows) => rows.Entity.FindProperty(FixedColumns.VersionId) is not null;

    /// <summary><c>row =&gt; new object[] { (object)EF.Property&lt;T&gt;(row, "c1"), … }</c>: only these columns are read.</summary>
    private static Expression<Func<Dictionary<string, object>, object?[]>> Projection(ODataExpressionBinder binder, IReadOnlyList<string> columns) =>
        Expression.Lambda<Func<Dictionary<string, object>, object?[]>>(
            Expression.NewArrayInit(typeof(object), columns.Select(c => Expression.Convert(binder.Column(c), typeof(object)))),
            binder.Row);

    internal static Dictionary<string, object?> ToRow(IReadOnlyList<string> names, object?[] values)
    {
        var row = new Dictionary<string, object?>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            row[names[i]] = Normalize(values[i]);
        }

        return row;
    }

    /// <summary>Timestamps are stored as UTC <see cref="DateTime"/>; OData speaks <see cref="DateTimeOffset"/>.</summary>
    internal static object? Normalize(object? value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => value,
    };
}
