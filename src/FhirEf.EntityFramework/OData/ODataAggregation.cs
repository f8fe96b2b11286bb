using System.Linq.Expressions;
using System.Reflection;
using FhirEf.Core.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;

namespace FhirEf.EntityFramework.OData;

/// <summary>
/// <c>$apply</c> (OData Data Aggregation v4.0 §3): <c>filter</c> becomes <c>WHERE</c>, <c>groupby</c>
/// <c>GROUP BY</c>, <c>aggregate</c> <c>count(*)</c>, <c>sum</c>, <c>min</c>, <c>max</c>, <c>avg</c> and
/// <c>count(DISTINCT …)</c>, all in one statement; groups are ordered by <c>$orderby</c> (keys or aliases),
/// then by their keys.
/// </summary>
internal static class ODataAggregation
{
    private const int MaxKeys = 4;

    /// <summary>The rows after the leading <c>filter</c> steps, and the <c>groupby</c>/<c>aggregate</c> step if there is one.</summary>
    public static (IQueryable<Dictionary<string, object>> Rows, TransformationNode? Grouping) Plan(ODataRows rows, ApplyClause apply)
    {
        var source = rows.Rows;
        TransformationNode? grouping = null;
        foreach (var transformation in apply.Transformations)
        {
            switch (transformation)
            {
                case FilterTransformationNode filter when grouping is null:
                    source = source.Where(rows.Binder.Predicate(filter.FilterClause.Expression));
                    break;
                case GroupByTransformationNode or AggregateTransformationNode when grouping is null:
                    grouping = transformation;
                    break;
                default:
                    throw new InvalidReportingQueryException(
                        $"$apply supports filter steps followed by one groupby or aggregate; '{transformation.Kind}' here is not supported.");
            }
        }

        return (source, grouping);
    }

    public static async Task<ReportingPage> RunAsync(
        ODataRows rows, IQueryable<Dictionary<string, object>> source, TransformationNode grouping, OrderByClause? orderBy, int maxGroups, CancellationToken cancellationToken)
    {
        var (keys, aggregate) = grouping switch
        {
            GroupByTransformationNode groupBy => (Keys(rows, groupBy), groupBy.ChildTransformations switch
            {
                null => null,
                AggregateTransformationNode child => child,
                var other => throw new InvalidReportingQueryException($"groupby supports an aggregate step only, not '{other.Kind}'."),
            }),
            _ => ([], (AggregateTransformationNode)grouping),
        };

        var keyTypes = keys.Select(k => k.Value.Type).Concat(Enumerable.Repeat(typeof(int), MaxKeys - keys.Count)).ToArray();
        var keyType = typeof(GroupKey<,,,>).MakeGenericType(keyTypes);
        var keyArguments = keys.Select(k => k.Value).Concat(Enumerable.Repeat<Expression>(Expression.Constant(0), MaxKeys - keys.Count));
        var keySelector = Expression.Lambda(
            Expression.New(keyType.GetConstructors()[0], keyArguments, Enumerable.Range(0, MaxKeys).Select(i => keyType.GetProperty("K" + i)!)),
            rows.Binder.Row);

        var rowType = typeof(Dictionary<string, object>);
        var groupType = typeof(IGrouping<,>).MakeGenericType(keyType, rowType);
        var group = Expression.Parameter(groupType, "g");
        var columns = new List<(string Name, Expression Value)>();
        for (var i = 0; i < keys.Count; i++)
        {
            columns.Add((keys[i].Name, Expression.Property(Expression.Property(group, "Key"), "K" + i)));
        }

        foreach (var expression in aggregate?.AggregateExpressions ?? [])
        {
            if (expression is not AggregateExpression single)
            {
                throw new InvalidReportingQueryException("Only aggregations of properties and $count are supported.");
            }

            columns.Add((single.Alias, Aggregate(rows, group, single)));
        }

        var grouped = Call(typeof(Queryable), nameof(Queryable.GroupBy), [rowType, keyType], source.Expression, Expression.Quote(keySelector));
        var ordered = Order(grouped, group, columns, orderBy, keys.Count);
        var projection = Expression.Lambda(
            Expression.NewArrayInit(typeof(object), columns.Select(c => Expression.Convert(c.Value, typeof(object)))), group);
        var selected = Call(typeof(Queryable), nameof(Queryable.Select), [groupType, typeof(object[])], ordered, Expression.Quote(projection));
        var limited = Call(typeof(Queryable), nameof(Queryable.Take), [typeof(object[])], selected, Expression.Constant(maxGroups + 1));

        var results = await source.Provider.CreateQuery<object?[]>(limited).ToListAsync(cancellationToken);
        if (results.Count > maxGroups)
        {
            throw new InvalidReportingQueryException($"The aggregation has more than {maxGroups} groups; filter it or group more coarsely.");
        }

        var names = columns.Select(c => c.Name).ToList();
        return new ReportingPage([.. results.Select(values => ODataProjection.Row(names, values))], Count: null, HasMore: false);
    }

    private static List<(string Name, Expression Value)> Keys(ODataRows rows, GroupByTransformationNode groupBy)
    {
        var keys = new List<(string, Expression)>();
        foreach (var property in groupBy.GroupingProperties)
        {
            if (property.Expression is null || property.ChildTransformations.Count > 0)
            {
                throw new InvalidReportingQueryException($"groupby supports properties of the entity itself; '{property.Name}' is a path.");
            }

            keys.Add((property.Name, rows.Binder.Bind(property.Expression)));
        }

        return keys.Count is > 0 and <= MaxKeys
            ? keys
            : throw new InvalidReportingQueryException($"groupby supports 1 to {MaxKeys} properties.");
    }

    /// <summary>An aggregate over the group's rows: <c>g.LongCount()</c>, <c>g.Sum(row =&gt; x)</c>, <c>g.Select(row =&gt; x).Distinct().Count()</c>…</summary>
    private static Expression Aggregate(ODataRows rows, ParameterExpression group, AggregateExpression aggregate)
    {
        var rowType = typeof(Dictionary<string, object>);
        if (aggregate.Method == AggregationMethod.VirtualPropertyCount)
        {
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.LongCount), [rowType], group);
        }

        var value = rows.Binder.Bind(aggregate.Expression);
        var selector = Expression.Lambda(value, rows.Binder.Row);
        switch (aggregate.Method)
        {
            case AggregationMethod.Min or AggregationMethod.Max:
                return Expression.Call(typeof(Enumerable), aggregate.Method.ToString(), [rowType, value.Type], group, selector);
            case AggregationMethod.CountDistinct:
                var values = Expression.Call(typeof(Enumerable), nameof(Enumerable.Select), [rowType, value.Type], group, selector);
                var distinct = Expression.Call(typeof(Enumerable), nameof(Enumerable.Distinct), [value.Type], values);
                return Expression.Call(typeof(Enumerable), nameof(Enumerable.LongCount), [value.Type], distinct);
            case AggregationMethod.Sum or AggregationMethod.Average:
                var method = NumericAggregate(aggregate.Method.ToString(), value.Type)
                    ?? throw new InvalidReportingQueryException($"{aggregate.Method.ToString().ToLowerInvariant()} needs a numeric property.");
                return Expression.Call(method.MakeGenericMethod(rowType), group, selector);
            default:
                throw new InvalidReportingQueryException($"The aggregation method '{aggregate.Method}' is not supported.");
        }
    }

    /// <summary><c>Enumerable.Sum&lt;TSource&gt;(IEnumerable&lt;TSource&gt;, Func&lt;TSource, decimal?&gt;)</c> and friends, by the selector's result type.</summary>
    private static MethodInfo? NumericAggregate(string name, Type resultType) =>
        typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1 && m.GetParameters().Length == 2)
            .FirstOrDefault(m => m.GetParameters()[1].ParameterType is { IsGenericType: true } func
                && func.GetGenericTypeDefinition() == typeof(Func<,>) && func.GetGenericArguments()[1] == resultType);

    private static Expression Order(Expression grouped, ParameterExpression group, List<(string Name, Expression Value)> columns, OrderByClause? orderBy, int keyCount)
    {
        var keys = new List<(Expression Value, bool Descending)>();
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            var name = clause.Expression switch
            {
                SingleValuePropertyAccessNode property => property.Property.Name,
                SingleValueOpenPropertyAccessNode open => open.Name,
                _ => throw new InvalidReportingQueryException("$orderby after $apply supports grouped properties and aggregate aliases."),
            };
            var column = columns.FirstOrDefault(c => c.Name == name);
            keys.Add((column.Value ?? throw new InvalidReportingQueryException($"'{name}' is not a result of the $apply."), clause.Direction == OrderByDirection.Descending));
        }

        keys.AddRange(columns.Take(keyCount).Select(c => (c.Value, false)));
        var ordered = grouped;
        for (var i = 0; i < keys.Count; i++)
        {
            var method = (i == 0, keys[i].Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            ordered = Call(typeof(Queryable), method, [group.Type, keys[i].Value.Type], ordered, Expression.Quote(Expression.Lambda(keys[i].Value, group)));
        }

        return ordered;
    }

    private static MethodCallExpression Call(Type type, string name, Type[] typeArguments, params Expression[] arguments) =>
        Expression.Call(type, name, typeArguments, arguments);
}
