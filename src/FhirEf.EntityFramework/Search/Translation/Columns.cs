using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// Expression-building blocks: column access on a property-bag row (<c>EF.Property&lt;T&gt;(row, "c")</c>)
/// and values as query parameters. A value is read from a box's field, which EF Core turns into a
/// parameter: the SQL never contains search values, and queries differing only in values share one
/// compiled query.
/// </summary>
public static class Columns
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;
    private static readonly MethodInfo LikeMethod = typeof(DbFunctionsExtensions)
        .GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;

    public static Expression Property<T>(Expression row, string column) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(typeof(T)), row, Expression.Constant(column));

    public static Expression Property(Expression row, string column, Type type) =>
        Expression.Call(PropertyMethod.MakeGenericMethod(type), row, Expression.Constant(column));

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
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], array, Value(value)));
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
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], array, item);
        return Expression.AndAlso(
            Expression.NotEqual(array, Expression.Constant(null, typeof(string[]))),
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(string)], Value(values.ToArray()), Expression.Lambda<Func<string, bool>>(contains, item)));
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
