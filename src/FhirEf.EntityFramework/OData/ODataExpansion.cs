using System.Linq.Expressions;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// One <c>$expand</c>ed reference navigation (<see cref="ReferenceNavigation"/>) as a correlated subquery
/// in the page's projection: the live target rows of the source row's project that a
/// <c>"&lt;Source&gt;_References"</c> row of the navigation's code and target type points to, narrowed by the
/// expand's own <c>$filter</c>, ordered by its <c>$orderby</c> then the key, cut by its <c>$skip</c>/<c>$top</c>,
/// and projected by its <c>$select</c>:
/// <code>
/// … LEFT JOIN LATERAL (SELECT t.id, t."birthdateStart" … FROM "Patient" AS t
///     WHERE t."projectId" = o."projectId" AND NOT t.deleted
///       AND EXISTS (SELECT 1 FROM "Observation_References" AS r WHERE r."projectId" = o."projectId"
///           AND r."resourceId" = o.id AND r.code = @code AND r."targetType" = @type AND r."targetId" = t.id)) …
/// </code>
/// Targets are matched on the source row's project, so another tenant's resource with the same id never appears.
/// Expanded collections are not paged: a row's targets are bounded by the references one resource holds.
/// </summary>
internal sealed class ODataExpansion
{
    private static readonly string[] TargetKey = [FixedColumns.ProjectId, FixedColumns.Id];

    private ODataExpansion(string name, ODataProjection projection, Expression rows)
    {
        Name = name;
        Projection = projection;
        Rows = rows;
    }

    /// <summary>The navigation property's name, under which the payload writes the targets.</summary>
    public string Name { get; }

    /// <summary>What is read of each target.</summary>
    public ODataProjection Projection { get; }

    /// <summary><c>targets.….Select(…).ToList()</c>, correlated to the source row parameter.</summary>
    public Expression Rows { get; }

    public static ODataExpansion Create(FhirDbContext context, string sourceTable, ParameterExpression source, ExpandedNavigationSelectItem item, int maxNodes)
    {
        var segment = item.PathToNavigationProperty.LastSegment as NavigationPropertySegment
            ?? throw new InvalidReportingQueryException("$expand names navigation properties only.");
        var name = segment.NavigationProperty.Name;
        var navigation = ReferenceNavigation.Find(context.Schema, sourceTable, name)
            ?? throw new InvalidReportingQueryException($"'{name}' is not a navigation of {sourceTable}.");
        Reject(item, name);

        var entity = context.Model.FindEntityType(navigation.TargetType)
            ?? throw new InvalidReportingQueryException($"'{navigation.TargetType}' is not a table of this server.");
        var binder = new ODataExpressionBinder(entity, Expression.Parameter(typeof(Dictionary<string, object>), "target"), maxNodes);
        var rows = context.Table(navigation.TargetType).Where(Linked(context, sourceTable, source, binder.Row, navigation));
        if (item.FilterOption is { } filter)
        {
            rows = rows.Where(binder.Predicate(filter.Expression));
        }

        rows = ODataRows.Ordered(rows, item.OrderByOption, binder, TargetKey);
        if (item.SkipOption is { } skip)
        {
            rows = rows.Skip(ToInt(skip, "$skip"));
        }

        if (item.TopOption is { } top)
        {
            rows = rows.Take(ToInt(top, "$top"));
        }

        var projection = ODataProjection.Create(context, entity, segment.NavigationProperty.ToEntityType(), binder.Row, item.SelectAndExpand, maxNodes);
        var selected = rows.Select(projection.Lambda(binder));
        return new ODataExpansion(name, projection, Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(object?[])], selected.Expression));
    }

    /// <summary>The target is live, in the source row's project, and a reference row of the navigation links the two.</summary>
    private static Expression<Func<Dictionary<string, object>, bool>> Linked(
        FhirDbContext context, string sourceTable, ParameterExpression source, ParameterExpression target, ReferenceNavigation navigation)
    {
        var reference = Expression.Parameter(typeof(Dictionary<string, object>), "reference");
        var link = AllOf(
            Expression.Equal(Text(reference, FixedColumns.ProjectId), Text(source, FixedColumns.ProjectId)),
            Expression.Equal(Text(reference, FixedColumns.ResourceId), Text(source, FixedColumns.Id)),
            Expression.Equal(Text(reference, FixedColumns.Code), Columns.Value(navigation.Code)),
            Expression.Equal(Text(reference, FixedColumns.TargetType), Columns.Value(navigation.TargetType)),
            Expression.Equal(Text(reference, FixedColumns.TargetId), Text(target, FixedColumns.Id)));
        var references = context.Table(SchemaNames.ReferencesTable(sourceTable));
        var exists = Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Any),
            [typeof(Dictionary<string, object>)],
            references.Expression,
            Expression.Quote(Expression.Lambda<Func<Dictionary<string, object>, bool>>(link, reference)));
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(
            AllOf(
                Expression.Equal(Text(target, FixedColumns.ProjectId), Text(source, FixedColumns.ProjectId)),
                Expression.Not(Columns.Property<bool>(target, FixedColumns.Deleted)),
                exists),
            target);
    }

    /// <summary>Nested expands, <c>$count</c>, <c>$search</c>, <c>$levels</c>, <c>$apply</c> and <c>$compute</c> inside an expand are refused, not ignored.</summary>
    private static void Reject(ExpandedNavigationSelectItem item, string name)
    {
        var unsupported = item.SelectAndExpand?.SelectedItems.Any(i => i is ExpandedNavigationSelectItem or ExpandedReferenceSelectItem) == true ? "$expand"
            : item.CountOption is not null ? "$count"
            : item.SearchOption is not null ? "$search"
            : item.LevelsOption is not null ? "$levels"
            : item.ApplyOption is not null ? "$apply"
            : item.ComputeOption is not null ? "$compute"
            : null;
        if (unsupported is not null)
        {
            throw new InvalidReportingQueryException($"{unsupported} inside $expand={name}(…) is not supported.");
        }
    }

    private static int ToInt(long value, string option) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw new InvalidReportingQueryException($"{option} inside $expand is out of range.");

    private static Expression Text(ParameterExpression row, string column) => Columns.Property<string>(row, column);

    private static Expression AllOf(params Expression[] terms) => terms.Aggregate(Expression.AndAlso);
}
