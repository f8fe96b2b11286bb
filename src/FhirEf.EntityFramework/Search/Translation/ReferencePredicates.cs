using System.Linq.Expressions;
using FhirEf.Core.Schema;
using FhirEf.Core.Schema.Storage;
using FhirEf.Core.Search.Expressions;
using FhirEf.EntityFramework.Storage.Rows;

namespace FhirEf.EntityFramework.Search.Translation;

/// <summary>
/// reference (R4 search §3.1.1.4.12) over the entries <see cref="ColumnValues.ReferenceEntries"/> stores:
/// <c>Type/id</c> → <c>"subject" @&gt; ARRAY['Patient/1']</c>; a bare id matches it under every target type
/// (<c>&amp;&amp;</c>); absolute and canonical URLs (with <c>|version</c>) likewise; <c>:identifier</c> →
/// <c>"__referenceIdentifiers" @&gt; ARRAY['code␟system|value']</c>.
/// </summary>
internal static class ReferencePredicates
{
    public static IEnumerable<string> Entries(ReferenceExpression reference, IReadOnlyList<string> allTypes)
    {
        if (reference.Url is { } url)
        {
            yield return reference.Version is { } version ? url + "|" + version : url;
            yield break;
        }

        var types = reference.TargetType is { } type ? [type]
            : reference.Parameter.Targets.Count > 0 ? reference.Parameter.Targets
            : allTypes;
        foreach (var target in types)
        {
            yield return target + "/" + reference.Id;
        }
    }

    public static Expression Translate(Expression row, ReferenceStorage storage, IEnumerable<ReferenceExpression> references, IReadOnlyList<string> allTypes) =>
        Columns.ArrayOverlaps(row, storage.Column, [.. references.SelectMany(r => Entries(r, allTypes)).Distinct(StringComparer.Ordinal)]);

    public static Expression Identifier(Expression row, ReferenceIdentifierExpression expression) =>
        Columns.ArrayContains(row, FixedColumns.ReferenceIdentifiers, ColumnValues.ReferenceIdentifier(expression.Parameter.Code, expression.System, expression.Value));
}
