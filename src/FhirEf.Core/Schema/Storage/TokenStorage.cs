using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// token: <see cref="Codes"/> (text[], GIN) holds, per value, <c>code</c>, <c>system|code</c> (with an
/// empty system when there is none: <c>|code</c>) and <c>system|</c>, plus <c>:of-type</c> entries
/// <c>\u001Etype-system|type-code|value</c> for identifiers; <see cref="Text"/> holds the folded
/// display/text values joined like <see cref="StringStorage.Normalized"/> (trigram, for <c>:text</c>);
/// <see cref="Sort"/> the first code.
/// </summary>
public sealed record TokenStorage(SearchParameterInfo Parameter, string Codes, string Text, string Sort) : SearchParameterStorage(Parameter)
{
    /// <summary>Marks <c>:of-type</c> entries; FHIR strings cannot contain it.</summary>
    public const char OfTypeMarker = '\u001E';

    public override IEnumerable<ColumnSchema> OwnColumns =>
    [
        new(Codes, ColumnType.TextArray, Nullable: true),
        new(Text, ColumnType.Text, Nullable: true),
        new(Sort, ColumnType.Text, Nullable: true),
    ];
}
