using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// Expression-building blocks: column access on a property-bag row (<c>EF.Property&lt;T&gt;(row, "c")</c>)
/// and values as query parameters. A value is read from a box's field, which EF Core turns into a
/// parameter: the SQL never contains search values, and queries differing only in values share one
/// compiled query. Generic methods are closed once and kept: a search builds its expression per request, and
/// closing them per call (<c>MakeGenericMethod</c>, or <c>Expression.Call</c> by name) was a fifth of a cheap
/// search's CPU in a trace.
/// </summary>
public static class Columns
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    private static readonly MethodInfo ContainsMethod = new Func<IEnumerable<string>, string, bool>(Enumerable.Contains).Method;
    private static readonly MethodInfo AnyMethod = new Func<IEnumerable<string>, Func<string, bool>, bool>(Enumerable.Any).Method;
    private static readonly ConcurrentDictionary<Type, MethodInfo> PropertyMethods = new();

    public static Expression Property<T>(Expression row, string column) => Property(row, column, typeof(T));

    public static Expression Property(Expression row, string column, Type type) =>
        Expression.Call(PropertyMethods.GetOrAdd(type, t => PropertyMethod.MakeGenericMethod(t)), row, Expression.Constant(column));

    /// <summary><c>values.Contains(value)</c> over strings: <c>value = ANY(values)</c>, or <c>@&gt;</c> over a GIN-indexed column.</summary>
    public static Expression Contains(Expression values, Expression value) => Expression.Call(ContainsMethod, values, value);

    /// <summary><c>values.Any(v =&gt; test(v))</c> over strings.</summary>
    public static Expression Any(Expression values, ParameterExpression item, Expression test) =>
        Expression.Call(AnyMethod, values, Expression.Lambda<Func<string, bool>>(test, item));

    /// <summary>A query parameter holding <paramref name="value"/>.</summary>
    public static Expression Value<T>(T value) =>
        Expression.Field(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    public static Expression Like(Expression column, string pattern) =>
        Expression.Call(LikeMethod, Expression.Constant(EF.Functions), column, Value(pattern));

    /// <summary><c>column @&gt; ARRAY[value]</c> (GIN), false when the column is null.</summary>
    public static Expression ArrayContains(Expression row, string column, string value)
    {
        var array = Property<string[]>(row, column);
        return Expression.AndAlso(
            Expression.NotEqual(array, Expression.Constant(null, typeof(string[]))),
            Contains(array, Value(value)));
    }

    /// <summary><c>@values &amp;&amp; column</c> (GIN): the column holds at least one of the values.</summary>
    public static Expression ArrayOverlaps(Expression row, string column, IReadOnlyCollection<string> values)
    {
        if (values.Count == 1)
        {
            return ArrayContains(row, column, values.First());
        }

        var array = Property<string[]>(row, column);
        var item = Expression.Parameter(typeof(string), "v");
        return Expression.AndAlso(
            Expression.NotEqual(array, Expression.Constant(null, typeof(string[]))),
            Any(Value(values.ToArray()), item, Contains(array, item)));
    }

    public static Expression NotNull(Expression column) => Expression.NotEqual(column, Expression.Constant(null, column.Type));

    public static Expression IsNull(Expression column) => Expression.Equal(column, Expression.Constant(null, column.Type));

    /// <summary>Escapes LIKE's metacharacters (PostgreSQL's default escape is the backslash).</summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static Expression All(IEnumerable<Expression> operands) => operands.Aggregate(Expression.AndAlso);

    /// <summary>At least one operand holds; none (an empty expansion) is false.</summary>
    public static Expression Any(IEnumerable<Expression> operands) => operands.DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);

    private sealed class Box<T>(T value)
    {
        public readonly T Value = value;
    }
}
