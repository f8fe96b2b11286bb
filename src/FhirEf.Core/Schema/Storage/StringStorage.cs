using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// string: <see cref="Normalized"/> holds the case- and accent-folded values joined as
/// <c>\u001Fv1\u001Fv2\u001F</c> (text, trigram-indexed: starts-with is <c>LIKE '%\u001Fsmi%'</c>,
/// <c>:contains</c> is <c>LIKE '%mit%'</c>, and ordering by it orders by the first value);
/// <see cref="Exact"/> holds the values as written (text[]) for <c>:exact</c>.
/// </summary>
public sealed record StringStorage(SearchParameterInfo Parameter, string Normalized, string Exact) : SearchParameterStorage(Parameter)
{
    /// <summary>Separates joined values; FHIR strings cannot contain it.</summary>
    public const char Separator = '\u001F';

    public override IEnumerable<ColumnSchema> OwnColumns =>
    [
        new(Normalized, ColumnType.Text, Nullable: true),
        new(Exact, ColumnType.TextArray, Nullable: true),
    ];
}
