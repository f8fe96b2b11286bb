using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// reference: <see cref="Column"/> (text[], GIN) holds <c>Type/id</c> of literal references, absolute
/// URLs of external ones and <c>url</c> plus <c>url|version</c> of canonical ones; each literal
/// reference also gets a row in <c>"&lt;Type&gt;_References"</c>. Identifiers of logical references go
/// to <see cref="FixedColumns.ReferenceIdentifiers"/>.
/// </summary>
public sealed record ReferenceStorage(SearchParameterInfo Parameter, string Column) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => [new(Column, ColumnType.TextArray, Nullable: true)];
}
