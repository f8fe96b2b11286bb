using System.Linq.Expressions;
using FhirEf.Core.Schema;
using FhirEf.Core.Search.Expressions;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// Chains and reverse chains (R4 search §3.1.1.4.15–16) as correlated EXISTS through the references
/// tables, which the tenant filter and the <c>(targetId, code)</c> index serve:
/// chain <c>subject:Patient.name=x</c> → <c>EXISTS (SELECT 1 FROM "Observation_References" f WHERE
/// f."resourceId" = r.id AND f.code = 'subject' AND f."targetType" = 'Patient' AND EXISTS (SELECT 1 FROM
/// "Patient" t WHERE t.id = f."targetId" AND NOT t.deleted AND …))</c>;
/// <c>_has:Observation:patient:code=y</c> → <c>EXISTS (SELECT 1 FROM "Observation_References" f WHERE
/// f."targetId" = r.id AND f."targetType" = 'Patient' AND f.code = 'patient' AND EXISTS (SELECT 1 FROM
/// "Observation" s WHERE s.id = f."resourceId" AND NOT s.deleted AND …))</c>.
/// </summary>
internal static class JoinPredicates
{
    public delegate Expression BodyBuilder(string resourceType, SearchExpression filter, ParameterExpression row);

    public static Expression Chain(
        Expression row,
        string resourceType,
        ChainExpression chain,
        Func<string, IQueryable<Dictionary<string, object>>> tables,
        BodyBuilder body)
    {
        var reference = Expression.Parameter(typeof(Dictionary<string, object>), "f");
        var target = Expression.Parameter(typeof(Dictionary<string, object>), "t");
        var targetMatches = Expression.AndAlso(
            Expression.Equal(Columns.Property<string>(target, FixedColumns.Id), Columns.Property<string>(reference, FixedColumns.TargetId)),
            body(chain.TargetType, chain.Target, target));
        var referenceMatches = Columns.All(
        [
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.ResourceId), Columns.Property<string>(row, FixedColumns.Id)),
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.Code), Columns.Value(chain.Reference.Code)),
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.TargetType), Columns.Value(chain.TargetType)),
            Exists(tables(chain.TargetType), target, targetMatches),
        ]);
        return Exists(tables(SchemaNames.ReferencesTable(resourceType)), reference, referenceMatches);
    }

    public static Expression Has(
        Expression row,
        string resourceType,
        HasExpression has,
        Func<string, IQueryable<Dictionary<string, object>>> tables,
        BodyBuilder body)
    {
        var reference = Expression.Parameter(typeof(Dictionary<string, object>), "f");
        var source = Expression.Parameter(typeof(Dictionary<string, object>), "s");
        var sourceMatches = Expression.AndAlso(
            Expression.Equal(Columns.Property<string>(source, FixedColumns.Id), Columns.Property<string>(reference, FixedColumns.ResourceId)),
            body(has.SourceType, has.Source, source));
        var referenceMatches = Columns.All(
        [
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.TargetId), Columns.Property<string>(row, FixedColumns.Id)),
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.TargetType), Columns.Value(resourceType)),
            Expression.Equal(Columns.Property<string>(reference, FixedColumns.Code), Columns.Value(has.SourceReference.Code)),
            Exists(tables(has.SourceType), source, sourceMatches),
        ]);
        return Exists(tables(SchemaNames.ReferencesTable(has.SourceType)), reference, referenceMatches);
    }

    private static Expression Exists(IQueryable<Dictionary<string, object>> table, ParameterExpression parameter, Expression predicate) =>
        Expression.Call(
            typeof(Queryable),
            nameof(Queryable.Any),
            [typeof(Dictionary<string, object>)],
            table.Expression,
            Expression.Quote(Expression.Lambda<Func<Dictionary<string, object>, bool>>(predicate, parameter)));
}
