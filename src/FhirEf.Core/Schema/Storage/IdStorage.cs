using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary><c>_id</c>: the primary key column itself.</summary>
public sealed record IdStorage(SearchParameterInfo Parameter) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => [];
}
