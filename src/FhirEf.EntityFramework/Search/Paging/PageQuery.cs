using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using FhirEf.Core.Schema;
using FhirEf.Core.Search.Binding;
using FhirEf.Core.Search.Syntax;
using FhirEf.EntityFramework.Search.Sorting;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FhirEf.EntityFramework.Search.Paging;

/// <summary>
/// The page of a search: in id order by keyset (<c>id &gt; last</c>, the primary key serves it and pages
/// stay stable while resources are added), or, with <c>_sort</c>, <c>_offset</c> or several types (system
/// search, <c>$everything</c>), in that order by offset. Fetches one row more than the page to know
/// whether a next page exists.
/// </summary>
internal sealed class PageQuery(
    FhirSearchService service,
    FhirDbContext context,
    SearchPredicateTranslator translator,
    IReadOnlyList<BoundSearch> searches,
    SearchControls controls,
    int count,
    SearchOptions options,
    ILogger logger)
{
    private static readonly ConcurrentDictionary<(string Method, Type KeyType), MethodInfo> OrderingMethods = new();

    private IQueryable<SearchRow>? _executed;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var search in searches)
        {
            total += await Filtered(search).LongCountAsync(cancellationToken);
        }

        return total;
    }

    public async Task<long> EstimateAsync(int limit, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var search in searches)
        {
            total += await Filtered(search).Take(limit).LongCountAsync(cancellationToken);
        }

        return total;
    }

    public async Task<(List<SearchRow> Rows, PageCursor? Next, PageCursor? Previous)> FetchAsync(CancellationToken cancellationToken)
    {
        var cursor = controls.Cursor is { } text ? PageCursor.Parse(text) : controls.Offset is { } offset ? PageCursor.AtOffset(offset) : null;
        if (searches.Count == 0)
        {
            return ([], null, null);
        }

        if (IsKeyset(cursor))
        {
            return await KeysetAsync(cursor, cancellationToken);
        }

        var start = cursor?.OffsetValue ?? 0;
        _executed = Rows(cursor);
        var rows = await _executed.ToListAsync(cancellationToken);
        var next = rows.Count > count ? PageCursor.AtOffset(start + count) : null;
        var previous = start > 0 ? PageCursor.AtOffset(Math.Max(0, start - count)) : null;
        return (rows.Count > count ? rows[..count] : rows, next, previous);
    }

    /// <summary>The query of the page at <paramref name="cursor"/> (null: the first), one row longer than the page.</summary>
    public IQueryable<SearchRow> Rows(PageCursor? cursor)
    {
        if (searches.Count == 0)
        {
            throw new InvalidOperationException("A search of no resource type has no query.");
        }

        if (!IsKeyset(cursor))
        {
            return Ordered().Skip(cursor?.OffsetValue ?? 0).Take(count + 1);
        }

        var rows = Filtered(searches[0]);
        if (cursor is { } position)
        {
            var key = position.Value;
            rows = position.Kind == PageCursor.Before
                ? rows.Where(r => string.Compare(EF.Property<string>(r, FixedColumns.Id), key) < 0)
                : rows.Where(r => string.Compare(EF.Property<string>(r, FixedColumns.Id), key) > 0);
        }

        var ordered = cursor?.Kind == PageCursor.Before
            ? rows.OrderByDescending(r => EF.Property<string>(r, FixedColumns.Id))
            : rows.OrderBy(r => EF.Property<string>(r, FixedColumns.Id));
        return Project(ordered.Take(count + 1), searches[0].ResourceType);
    }

    /// <summary>With <see cref="SearchOptions.ExplainSlowerThanMilliseconds"/> set, logs the plan of a slow page query.</summary>
    public async Task ExplainIfSlowAsync(TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (options.ExplainSlowerThanMilliseconds <= 0 || elapsed.TotalMilliseconds < options.ExplainSlowerThanMilliseconds || _executed is null)
        {
            return;
        }

        await using var command = _executed.CreateDbCommand();
        command.CommandText = "EXPLAIN " + command.CommandText;
        var plan = new System.Text.StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.AppendLine(reader.GetString(0));
            }
        }

        logger.LogWarning("Slow search ({Elapsed} ms):{NewLine}{Sql}{NewLine}{Plan}", (int)elapsed.TotalMilliseconds, Environment.NewLine, _executed.ToQueryString(), Environment.NewLine, plan);
    }

    private bool IsKeyset(PageCursor? cursor) => searches.Count == 1 && controls.Sort.Count == 0 && cursor?.Kind != PageCursor.Offset;

    private async Task<(List<SearchRow>, PageCursor?, PageCursor?)> KeysetAsync(PageCursor? cursor, CancellationToken cancellationToken)
    {
        var backwards = cursor?.Kind == PageCursor.Before;
        _executed = Rows(cursor);
        var fetched = await _executed.ToListAsync(cancellationToken);
        var more = fetched.Count > count;
        var page = more ? fetched[..count] : fetched;
        if (backwards)
        {
            page.Reverse();
        }

        if (page.Count == 0)
        {
            return (page, null, null);
        }

        var next = backwards || more ? new PageCursor(PageCursor.After, page[^1].Id) : null;
        var previous = (backwards && more) || (!backwards && cursor is not null) ? new PageCursor(PageCursor.Before, page[0].Id) : null;
        return (page, next, previous);
    }

    private IQueryable<SearchRow> Ordered()
    {
        if (searches.Count == 1)
        {
            var search = searches[0];
            var resource = service.Schema.Resource(search.ResourceType);
            IOrderedQueryable<Dictionary<string, object>>? ordered = null;
            foreach (var key in controls.Sort)
            {
                if (SortColumns.For(resource, key.Parameter, key.Descending) is { } column)
                {
                    ordered = ThenBy(ordered ?? (IQueryable<Dictionary<string, object>>)Filtered(search), column.Column, column.Type, key.Descending, first: ordered is null);
                }
            }

            ordered = ThenBy(ordered ?? (IQueryable<Dictionary<string, object>>)Filtered(search), FixedColumns.Id, typeof(string), descending: false, first: ordered is null);
            return Project(ordered, search.ResourceType);
        }

        return searches.Select(s => Project(Filtered(s), s.ResourceType))
            .Aggregate((a, b) => a.Concat(b))
            .OrderBy(r => r.TypeOrder)
            .ThenBy(r => r.Id);
    }

    private IQueryable<Dictionary<string, object>> Filtered(BoundSearch search) =>
        context.Table(search.ResourceType).Where(translator.Translate(search.ResourceType, search.Filter));

    private IQueryable<SearchRow> Project(IQueryable<Dictionary<string, object>> rows, string resourceType)
    {
        var order = service.TypeOrder(resourceType);
        return rows.Select(r => new SearchRow
        {
            ResourceType = resourceType,
            TypeOrder = order,
            Id = EF.Property<string>(r, FixedColumns.Id),
            VersionId = EF.Property<int>(r, FixedColumns.VersionId),
            LastUpdated = EF.Property<DateTime>(r, FixedColumns.LastUpdated),
            Content = EF.Property<string?>(r, FixedColumns.Content),
        });
    }

    /// <summary>Orders by a column with missing values last in both directions.</summary>
    private static IOrderedQueryable<Dictionary<string, object>> ThenBy(IQueryable<Dictionary<string, object>> rows, string column, Type type, bool descending, bool first)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var value = Columns.Property(row, column, type);
        var ordered = rows;
        if (!type.IsValueType || Nullable.GetUnderlyingType(type) is not null)
        {
            var missing = Expression.Lambda(Columns.IsNull(value), row);
            ordered = Call(ordered, first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy), missing, typeof(bool));
            first = false;
        }

        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        return Call(ordered, method, Expression.Lambda(value, row), type);
    }

    private static IOrderedQueryable<Dictionary<string, object>> Call(IQueryable<Dictionary<string, object>> rows, string method, LambdaExpression key, Type keyType) =>
        (IOrderedQueryable<Dictionary<string, object>>)rows.Provider.CreateQuery<Dictionary<string, object>>(
            Expression.Call(OrderingMethods.GetOrAdd((method, keyType), CloseOrdering), rows.Expression, Expression.Quote(key)));

    /// <summary><c>Queryable.OrderBy&lt;row, key&gt;</c> (or ThenBy, …) closed once per key type (see <see cref="Columns"/>).</summary>
    private static MethodInfo CloseOrdering((string Method, Type KeyType) ordering) =>
        typeof(Queryable).GetMethods()
            .Single(m => m.Name == ordering.Method && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(Dictionary<string, object>), ordering.KeyType);
}
