using System.Linq.Expressions;
using FhirEf.Core.Reporting;
using FhirEf.EntityFramework.Search.Translation;
using Microsoft.OData.UriParser;

namespace FhirEf.EntityFramework.OData;

/// <summary>Canonical functions, lambda operators over collections and <c>in</c>.</summary>
internal sealed partial class ODataExpressionBinder
{
    /// <summary>
    /// OData's canonical functions (OData v4.01 URL conventions §5.1.1.5–7) as the .NET members EF Core
    /// and Npgsql translate: <c>contains</c> → <c>strpos(x, @p) &gt; 0</c>, <c>startswith</c> → <c>LIKE @p || '%'</c>,
    /// <c>tolower</c> → <c>lower(x)</c>, <c>year</c> → <c>date_part('year', x AT TIME ZONE 'UTC')</c>.
    /// </summary>
    private Expression BindFunction(SingleValueFunctionCallNode node)
    {
        var arguments = node.Parameters.ToList();
        Expression Text(int i) => ConstantOf(arguments[i]) is { } constant ? Constant(constant.Value, typeof(string)) : Bind(arguments[i]);

        return (node.Name, arguments.Count) switch
        {
            ("contains", 2) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Text(1)),
            ("startswith", 2) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Text(1)),
            ("endswith", 2) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!, Text(1)),
            ("indexof", 2) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!, Text(1)),
            ("tolower", 1) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!),
            ("toupper", 1) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!),
            ("trim", 1) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!),
            ("length", 1) => Expression.Property(Text(0), nameof(string.Length)),
            ("concat", 2) => Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!, Text(0), Text(1)),
            ("substring", 2) => Expression.Call(Text(0), typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!, Integer(arguments[1])),
            ("substring", 3) => Expression.Call(
                Text(0), typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!, Integer(arguments[1]), Integer(arguments[2])),
            ("year", 1) => DatePart(arguments[0], nameof(DateTime.Year)),
            ("month", 1) => DatePart(arguments[0], nameof(DateTime.Month)),
            ("day", 1) => DatePart(arguments[0], nameof(DateTime.Day)),
            ("hour", 1) => DatePart(arguments[0], nameof(DateTime.Hour)),
            ("minute", 1) => DatePart(arguments[0], nameof(DateTime.Minute)),
            ("second", 1) => DatePart(arguments[0], nameof(DateTime.Second)),
            ("round", 1) => MathCall(nameof(Math.Round), arguments[0]),
            ("floor", 1) => MathCall(nameof(Math.Floor), arguments[0]),
            ("ceiling", 1) => MathCall(nameof(Math.Ceiling), arguments[0]),
            _ => throw new InvalidReportingQueryException($"The function '{node.Name}' with {arguments.Count} argument(s) is not supported."),
        };
    }

    private Expression Integer(QueryNode node) =>
        ConstantOf(node) is { } constant ? Constant(constant.Value, typeof(int)) : Convert(Bind(node), typeof(int));

    /// <summary>A part of a timestamp; null timestamps give null.</summary>
    private Expression DatePart(QueryNode argument, string part)
    {
        var value = Bind(argument);
        if (value.Type == typeof(DateTime))
        {
            return Expression.Property(value, part);
        }

        if (value.Type != typeof(DateTime?))
        {
            throw new InvalidReportingQueryException($"{part.ToLowerInvariant()}() needs a date.");
        }

        return Expression.Condition(
            Expression.Equal(value, Expression.Constant(null, typeof(DateTime?))),
            Expression.Constant(null, typeof(int?)),
            Expression.Convert(Expression.Property(Expression.Property(value, nameof(Nullable<DateTime>.Value)), part), typeof(int?)));
    }

    private Expression MathCall(string name, QueryNode argument)
    {
        var value = Convert(Bind(argument), typeof(decimal?));
        return Expression.Condition(
            Expression.Equal(value, Expression.Constant(null, typeof(decimal?))),
            Expression.Constant(null, typeof(decimal?)),
            Expression.Convert(Expression.Call(typeof(Math), name, null, Expression.Property(value, nameof(Nullable<decimal>.Value))), typeof(decimal?)));
    }

    /// <summary><c>tokens/any(t: t eq 'male')</c> → <c>EXISTS (SELECT 1 FROM unnest(x) AS t WHERE t = @p)</c>; <c>any()</c> → a non-empty collection.</summary>
    private Expression BindAny(AnyNode node)
    {
        var source = Bind(node.Source);
        if (node.Body is ConstantNode { Value: true })
        {
            return Expression.AndAlso(Columns.NotNull(source), Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [ElementType(source)], source));
        }

        return Expression.AndAlso(Columns.NotNull(source), Lambda(nameof(Enumerable.Any), source, node.CurrentRangeVariable.Name, node.Body));
    }

    /// <summary><c>all</c>: an absent collection is empty, so every (no) element matches.</summary>
    private Expression BindAll(AllNode node)
    {
        var source = Bind(node.Source);
        return Expression.OrElse(Columns.IsNull(source), Lambda(nameof(Enumerable.All), source, node.CurrentRangeVariable.Name, node.Body));
    }

    private Expression Lambda(string method, Expression source, string variable, SingleValueNode body)
    {
        var element = ElementType(source);
        var parameter = Expression.Parameter(element, variable);
        if (!_ranges.TryAdd(variable, parameter))
        {
            throw new InvalidReportingQueryException($"The range variable '{variable}' is already in use.");
        }

        try
        {
            var predicate = Expression.Lambda(AsBool(Bind(body)), parameter);
            return Expression.Call(typeof(Enumerable), method, [element], source, predicate);
        }
        finally
        {
            _ranges.Remove(variable);
        }
    }

    private static Type ElementType(Expression collection) =>
        collection.Type.IsArray ? collection.Type.GetElementType()! : throw new InvalidReportingQueryException("any/all need a collection property.");

    /// <summary><c>x in ('a','b')</c> → <c>x = ANY(@p)</c>; <c>'a' in tokens</c> → <c>@p = ANY(tokens)</c>.</summary>
    private Expression BindIn(InNode node)
    {
        switch (node.Right)
        {
            case CollectionConstantNode constants:
            {
                var left = Bind(node.Left);
                var values = Array.CreateInstance(left.Type, constants.Collection.Count);
                for (var i = 0; i < constants.Collection.Count; i++)
                {
                    var value = constants.Collection[i].Value;
                    var underlying = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
                    values.SetValue(value is null ? null : ConvertValue(value, underlying), i);
                }

                _nodes += constants.Collection.Count;
                var array = (Expression)ValueMethod.MakeGenericMethod(values.GetType()).Invoke(null, [values])!;
                return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [left.Type], array, left);
            }

            case CollectionPropertyAccessNode property:
            {
                var array = Bind(property);
                var element = ElementType(array);
                var left = ConstantOf(node.Left) is { } constant ? Constant(constant.Value, element) : Convert(Bind(node.Left), element);
                return Expression.AndAlso(
                    Columns.NotNull(array),
                    Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [element], array, left));
            }

            default:
                throw new InvalidReportingQueryException("'in' needs a list of values or a collection property.");
        }
    }
}
