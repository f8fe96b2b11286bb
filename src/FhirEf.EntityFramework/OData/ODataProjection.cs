using System.Linq.Expressions;
using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// What a page reads of each row: the selected columns (<c>$select</c>, plus key and <c>versionId</c>)
/// and the <c>$expand</c>ed navigations, each a correlated subquery over <c>"&lt;Type&gt;_References"</c>
/// (<see cref="ODataExpansion"/>). The whole projection is one LINQ <c>Select</c>, so EF Core reads
/// rows and expanded targets in one statement.
/// </summary>
internal sealed class ODataProjection
{
    /// <summary>
    /// Most navigations one request may expand: each is a lateral join per page, and <c>$expand=*</c> on a
    /// type such as Provenance (a target per resource type) would name hundreds.
    /// </summary>
    public const int MaxExpansions = 20;

    private readonly IReadOnlyList<string> _columns;
    private readonly IReadOnlyList<ODataExpansion> _expansions;

    private ODataProjection(IReadOnlyList<string> columns, IReadOnlyList<ODataExpansion> expansions)
    {
        _columns = columns;
        _expansions = expansions;
    }

    /// <summary>The projection of rows of <paramref name="entity"/> (<paramref name="edmType"/>) for <paramref name="clause"/>.</summary>
    public static ODataProjection Create(FhirDbContext context, IEntityType entity, IEdmEntityType edmType, ParameterExpression row, SelectExpandClause? clause, int maxNodes)
    {
        if (clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Count() > MaxExpansions)
        {
            throw new InvalidReportingQueryException($"$expand may name at most {MaxExpansions} navigations.");
        }

        var expansions = clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>()
            .Select(item => ODataExpansion.Create(context, entity.Name, row, item, maxNodes))
            .ToList() ?? [];
        if (clause?.SelectedItems.FirstOrDefault(i => i is not (PathSelectItem or ExpandedNavigationSelectItem or WildcardSelectItem)) is { } other)
        {
            throw new InvalidReportingQueryException($"'{other.GetType().Name}' in $select/$expand is not supported: select properties and expand navigations.");
        }

        return new ODataProjection(Columns(entity, edmType, clause), expansions);
    }

    /// <summary><c>row =&gt; new object[] { (object)EF.Property&lt;T&gt;(row, "c1"), …, (object)expansion1.ToList(), … }</c>.</summary>
    public Expression<Func<Dictionary<string, object>, object?[]>> Lambda(ODataExpressionBinder binder) =>
        Expression.Lambda<Func<Dictionary<string, object>, object?[]>>(
            Expression.NewArrayInit(
                typeof(object),
                _columns.Select(c => Expression.Convert(binder.Column(c), typeof(object)))
                    .Concat(_expansions.Select(e => Expression.Convert(e.Rows, typeof(object))))),
            binder.Row);

    /// <summary>The values read by <see cref="Lambda"/> as a row: column names, then navigation names mapped to lists of rows.</summary>
    public Dictionary<string, object?> ToRow(object?[] values)
    {
        var row = Row(_columns, values);
        for (var i = 0; i < _expansions.Count; i++)
        {
            var expansion = _expansions[i];
            row[expansion.Name] = ((IEnumerable<object?[]>)values[_columns.Count + i]!)
                .Select(target => (IReadOnlyDictionary<string, object?>)expansion.Projection.ToRow(target))
                .ToList();
        }

        return row;
    }

    /// <summary>The first <paramref name="names"/>.Count values as a row.</summary>
    public static Dictionary<string, object?> Row(IReadOnlyList<string> names, object?[] values)
    {
        var row = new Dictionary<string, object?>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            row[names[i]] = Normalize(values[i]);
        }

        return row;
    }

    /// <summary>Timestamps are stored as UTC <see cref="DateTime"/>; OData speaks <see cref="DateTimeOffset"/>.</summary>
    private static object? Normalize(object? value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => value,
    };

    /// <summary>
    /// The columns to read: the selected structural properties (all of them without <c>$select</c>),
    /// plus the key and <c>versionId</c>, which the payload needs for ids and ETags.
    /// </summary>
    private static List<string> Columns(IEntityType entity, IEdmEntityType edmType, SelectExpandClause? select)
    {
        var names = new List<string>();
        var all = select is null || select.AllSelected || !select.SelectedItems.OfType<PathSelectItem>().Any();
        var selected = all
            ? edmType.StructuralProperties().Where(p => !p.Type.IsStream()).Select(p => p.Name)
            : select!.SelectedItems.OfType<PathSelectItem>().Select(i => i.SelectedPath.LastSegment).OfType<PropertySegment>()
                .Where(s => !s.Property.Type.IsStream()).Select(s => s.Property.Name);
        var version = entity.FindProperty(FixedColumns.VersionId) is not null ? [FixedColumns.VersionId] : Array.Empty<string>();
        foreach (var name in edmType.Key().Select(k => k.Name).Concat(version).Concat(selected))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
