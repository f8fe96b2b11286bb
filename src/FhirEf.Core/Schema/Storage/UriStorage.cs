using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>uri: the values as written, text[] (GIN); <c>_source</c> is a single text column.</summary>
public sealed record UriStorage(SearchParameterInfo Parameter, string Column, bool IsArray, bool OwnsColumn = true) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => OwnsColumn
        ? [new(Column, IsArray ? ColumnType.TextArray : ColumnType.Text, Nullable: true)]
        : [];
}
