using System.Linq.Expressions;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// uri (R4 search §3.1.1.4.9): equality → <c>"url" @&gt; ARRAY[v]</c> (GIN); <c>:below</c> → some stored uri
/// starts with the value; <c>:above</c> → the value starts with some stored uri. <c>_source</c> is a
/// single text column.
/// </summary>
internal static class UriPredicates
{
    public static Expression Translate(Expression row, UriStorage storage, UriExpression expression)
    {
        if (!storage.IsArray)
        {
            var column = Columns.Property<string>(row, storage.Column);
            return Expression.AndAlso(Columns.NotNull(column), expression.Match switch
            {
                UriMatch.Exact => Expression.Equal(column, Columns.Value(expression.Value)),
                UriMatch.Below => Columns.Like(column, Columns.EscapeLike(expression.Value) + "%"),
                _ => StartsWith(Columns.Value(expression.Value), column),
            });
        }

        if (expression.Match == UriMatch.Exact)
        {
            return Columns.ArrayContains(row, storage.Column, expression.Value);
        }

        var array = Columns.Property<string[]>(row, storage.Column);
        var item = Expression.Parameter(typeof(string), "u");
        var test = expression.Match == UriMatch.Below
            ? Columns.Like(item, Columns.EscapeLike(expression.Value) + "%")
            : StartsWith(Columns.Value(expression.Value), item);
        return Expression.AndAlso(
            Columns.NotNull(array),
            Columns.Any(array, item, test));
    }

    private static Expression StartsWith(Expression text, Expression prefix) =>
        Expression.Call(text, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, prefix);
}
