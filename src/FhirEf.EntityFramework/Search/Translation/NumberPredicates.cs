using System.Linq.Expressions;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Values;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// number and the value part of quantity (R4 search §3.1.1.4.6, §3.1.1.4.11) over the smallest ("xLow")
/// and largest ("xHigh") value: <c>eq</c>: both within the search value's precision range [L, H)
/// (<c>100</c> → [99.5, 100.5)); <c>ne</c>: not eq; <c>gt</c>/<c>ge</c>: largest &gt;/≥ the value;
/// <c>lt</c>/<c>le</c>: smallest &lt;/≤ the value; <c>sa</c>: smallest ≥ H; <c>eb</c>: largest &lt; L;
/// <c>ap</c>: within 10% of the value.
/// </summary>
internal static class NumberPredicates
{
    public static Expression Translate(Expression row, string lowColumn, string highColumn, SearchPrefix prefix, SearchNumber value)
    {
        var low = Columns.Property<decimal?>(row, lowColumn);
        var high = Columns.Property<decimal?>(row, highColumn);
        var present = Expression.AndAlso(Columns.NotNull(low), Columns.NotNull(high));
        var margin = Math.Abs(value.Value) / 10;
        var condition = prefix switch
        {
            SearchPrefix.Eq => Within(low, high, value.Low, value.High),
            SearchPrefix.Ne => Expression.Not(Within(low, high, value.Low, value.High)),
            SearchPrefix.Gt => Expression.GreaterThan(high, Of(value.Value)),
            SearchPrefix.Ge => Expression.GreaterThanOrEqual(high, Of(value.Value)),
            SearchPrefix.Lt => Expression.LessThan(low, Of(value.Value)),
            SearchPrefix.Le => Expression.LessThanOrEqual(low, Of(value.Value)),
            SearchPrefix.Sa => Expression.GreaterThanOrEqual(low, Of(value.High)),
            SearchPrefix.Eb => Expression.LessThan(high, Of(value.Low)),
            _ => Expression.AndAlso(
                Expression.GreaterThanOrEqual(low, Of(value.Value - margin)),
                Expression.LessThanOrEqual(high, Of(value.Value + margin))),
        };
        return Expression.AndAlso(present, condition);
    }

    private static Expression Within(Expression low, Expression high, decimal from, decimal to) =>
        Expression.AndAlso(Expression.GreaterThanOrEqual(low, Of(from)), Expression.LessThan(high, Of(to)));

    private static Expression Of(decimal value) => Expression.Convert(Columns.Value(value), typeof(decimal?));
}
