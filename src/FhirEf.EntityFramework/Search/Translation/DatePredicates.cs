using System.Linq.Expressions;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Values;
using FhirEf.EntityFramework.Storage.Rows;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// date (R4 search §3.1.1.4.5 and §3.1.1.4.7) by ranges: the target [T1, T2] = ["xStart", "xEnd"], the
/// search value's precision range [S1, S2]:
/// <c>eq</c>: T1 ≥ S1 ∧ T2 ≤ S2 (the search range contains the target's);
/// <c>ne</c>: not eq; <c>gt</c>: T2 &gt; S2 (the range above overlaps); <c>lt</c>: T1 &lt; S1;
/// <c>ge</c>: gt ∨ eq; <c>le</c>: lt ∨ eq; <c>sa</c>: T1 &gt; S2; <c>eb</c>: T2 &lt; S1;
/// <c>ap</c>: the ranges overlap once the search range is widened by 10% of its distance from now.
/// Stored ranges have T1 ≤ T2, so <c>eq</c>, <c>ge</c> and <c>le</c> also carry the bound that follows from
/// it (eq: T1 ≤ S2; ge: T2 ≥ S1; le: T1 ≤ S2). It changes no result, but gives PostgreSQL a closed range on
/// one btree index and an estimate it can trust: without it, <c>eq</c> is two half-open ranges on two
/// columns, estimated at a fifth of the table, and <c>Observation?patient.birthdate=1948-01-08</c> walked
/// the whole Observation primary key instead of starting from the one matching Patient
/// (docs/benchmarks.md, "Search on 1,000,000 resources").
/// </summary>
internal static class DatePredicates
{
    public static Expression Translate(Expression row, DateStorage storage, DateExpression expression, TimeProvider time)
    {
        var start = Columns.Property<DateTime?>(row, storage.Start);
        var end = Columns.Property<DateTime?>(row, storage.End);
        var (s1, s2) = (expression.Value.Start, expression.Value.End);
        var present = Expression.AndAlso(Columns.NotNull(start), Columns.NotNull(end));
        var condition = expression.Prefix switch
        {
            SearchPrefix.Eq => Expression.AndAlso(Contained(start, end, s1, s2), Expression.LessThanOrEqual(start, At(s2))),
            SearchPrefix.Ne => Expression.Not(Contained(start, end, s1, s2)),
            SearchPrefix.Gt => Expression.GreaterThan(end, At(s2)),
            SearchPrefix.Lt => Expression.LessThan(start, At(s1)),
            SearchPrefix.Ge => Expression.AndAlso(
                Expression.GreaterThanOrEqual(end, At(s1)),
                Expression.OrElse(Expression.GreaterThan(end, At(s2)), Contained(start, end, s1, s2))),
            SearchPrefix.Le => Expression.AndAlso(
                Expression.LessThanOrEqual(start, At(s2)),
                Expression.OrElse(Expression.LessThan(start, At(s1)), Contained(start, end, s1, s2))),
            SearchPrefix.Sa => Expression.GreaterThan(start, At(s2)),
            SearchPrefix.Eb => Expression.LessThan(end, At(s1)),
            _ => Approximately(start, end, s1, s2, time.GetUtcNow()),
        };
        return Expression.AndAlso(present, condition);
    }

    private static Expression Contained(Expression start, Expression end, DateTimeOffset s1, DateTimeOffset s2) =>
        Expression.AndAlso(Expression.GreaterThanOrEqual(start, At(s1)), Expression.LessThanOrEqual(end, At(s2)));

    private static Expression Approximately(Expression start, Expression end, DateTimeOffset s1, DateTimeOffset s2, DateTimeOffset now)
    {
        var low = s1 - TimeSpan.FromTicks(Math.Abs((now - s1).Ticks) / 10);
        var high = s2 + TimeSpan.FromTicks(Math.Abs((now - s2).Ticks) / 10);
        return Expression.AndAlso(Expression.LessThanOrEqual(start, At(high)), Expression.GreaterThanOrEqual(end, At(low)));
    }

    private static Expression At(DateTimeOffset instant) =>
        Expression.Convert(Columns.Value(ColumnValues.Timestamp(instant)), typeof(DateTime?));
}
