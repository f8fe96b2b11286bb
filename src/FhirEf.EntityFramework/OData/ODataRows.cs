using System.Linq.Expressions;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// The rows an OData request addresses, before paging: the entity set's table, narrowed to the caller's
/// tenants (instead of the context's single-tenant query filter), to live rows of resource tables, to
/// the key of the path and to <c>$filter</c> and <c>$search</c>. Everything stays an <see cref="IQueryable"/>.
/// </summary>
internal sealed class ODataRows
{
    private ODataRows(FhirDbContext context, string table, IEntityType entity, IEdmEntityType edmType, ODataExpressionBinder binder, IQueryable<Dictionary<string, object>> rows)
    {
        Context = context;
        Table = table;
        Entity = entity;
        EdmType = edmType;
        Binder = binder;
        Rows = rows;
    }

    public FhirDbContext Context { get; }

    public string Table { get; }

    public IEntityType Entity { get; }

    public IEdmEntityType EdmType { get; }

    public ODataExpressionBinder Binder { get; }

    public IQueryable<Dictionary<string, object>> Rows { get; }

    /// <summary>The primary key, tenant first: the stable tie-breaker of every ordering.</summary>
    public IReadOnlyList<string> PrimaryKey => [.. Entity.FindPrimaryKey()!.Properties.Select(p => p.Name)];

    public static ODataRows Create(FhirDbContext context, ISearchPredicateProvider provider, ReportingQuery query, int maxNodes)
    {
        var set = query.Uri.Path?.OfType<EntitySetSegment>().FirstOrDefault()
            ?? throw new InvalidReportingQueryException("The path names no entity set.");
        var table = set.EntitySet.Name;
        var entity = context.Model.FindEntityType(table)
            ?? throw new InvalidReportingQueryException($"'{table}' is not a table of this server.");
        var binder = new ODataExpressionBinder(entity, Expression.Parameter(typeof(Dictionary<string, object>), "row"), maxNodes);

        var rows = context.Table(table).IgnoreQueryFilters().Where(InScope(binder, query.Scope));
        if (context.Schema.TryGetResource(table, out _))
        {
            rows = rows.Where(row => !EF.Property<bool>(row, FixedColumns.Deleted));
        }

        foreach (var key in query.Uri.Path!.OfType<KeySegment>().SelectMany(k => k.Keys))
        {
            rows = rows.Where(binder.Equals(key.Key, key.Value));
        }

        if (query.Uri.Filter is { } filter)
        {
            rows = rows.Where(binder.Predicate(filter.Expression));
        }

        if (query.Uri.Search is { } search)
        {
            rows = rows.Where(ODataSearch.Predicate(context.Schema, table, binder, provider, search));
        }

        return new ODataRows(context, table, entity, set.EntitySet.EntityType(), binder, rows);
    }

    /// <summary><c>"projectId" = @p</c> for one project, <c>"projectId" = ANY(@p)</c> for several; nothing for a super-admin.</summary>
    private static Expression<Func<Dictionary<string, object>, bool>> InScope(ODataExpressionBinder binder, ReportingScope scope)
    {
        var projectId = Columns.Property<string>(binder.Row, FixedColumns.ProjectId);
        Expression test = scope.Projects switch
        {
            null => Expression.Constant(true),
            [var single] => Expression.Equal(projectId, Columns.Value(single)),
            var many => Columns.Contains(Columns.Value(many.ToArray()), projectId),
        };
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(test, binder.Row);
    }

    /// <summary><c>$orderby</c> keys, then the primary key, so pages never skip or repeat rows.</summary>
    public IOrderedQueryable<Dictionary<string, object>> Ordered(IQueryable<Dictionary<string, object>> rows, OrderByClause? orderBy) =>
        Ordered(rows, orderBy, Binder, PrimaryKey);

    /// <summary><c>$orderby</c> keys bound by <paramref name="binder"/>, then <paramref name="primaryKey"/>.</summary>
    public static IOrderedQueryable<Dictionary<string, object>> Ordered(
        IQueryable<Dictionary<string, object>> rows, OrderByClause? orderBy, ODataExpressionBinder binder, IReadOnlyList<string> primaryKey)
    {
        IOrderedQueryable<Dictionary<string, object>>? ordered = null;
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            ordered = OrderBy(ordered ?? rows, ordered is not null, binder, binder.Bind(clause.Expression), clause.Direction == OrderByDirection.Descending);
        }

        foreach (var column in primaryKey)
        {
            ordered = OrderBy(ordered ?? rows, ordered is not null, binder, binder.Column(column), descending: false);
        }

        return ordered!;
    }

    private static IOrderedQueryable<Dictionary<string, object>> OrderBy(
        IQueryable<Dictionary<string, object>> rows, bool then, ODataExpressionBinder binder, Expression key, bool descending)
    {
        var method = (then, descending) switch
        {
            (false, false) => nameof(Queryable.OrderBy),
            (false, true) => nameof(Queryable.OrderByDescending),
            (true, false) => nameof(Queryable.ThenBy),
            (true, true) => nameof(Queryable.ThenByDescending),
        };
        var lambda = Expression.Lambda(key, binder.Row);
        return (IOrderedQueryable<Dictionary<string, object>>)rows.Provider.CreateQuery<Dictionary<string, object>>(
            Expression.Call(typeof(Queryable), method, [typeof(Dictionary<string, object>), key.Type], rows.Expression, Expression.Quote(lambda)));
    }
}
