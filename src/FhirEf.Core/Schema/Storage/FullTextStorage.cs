using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// <c>_text</c> (narrative) and <c>_content</c> (all text of the resource): a tsvector (GIN) whose lexemes
/// FhirEf computes itself, so documents and queries are tokenised by the same code.
/// </summary>
public sealed record FullTextStorage(SearchParameterInfo Parameter, string Column) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => [new(Column, ColumnType.TsVector, Nullable: true)];
}
