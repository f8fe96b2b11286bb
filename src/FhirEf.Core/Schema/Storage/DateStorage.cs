using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// date: the inclusive instant range [<see cref="Start"/>, <see cref="End"/>] the values cover
/// (timestamptz; ±infinity for open ends). A partial date covers its whole period (1980-05 is
/// 1980-05-01T00:00:00Z..1980-05-31T23:59:59.999Z). Several values are stored as the range that spans them.
/// </summary>
public sealed record DateStorage(SearchParameterInfo Parameter, string Start, string End, bool OwnsColumns = true) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => OwnsColumns
        ? [new(Start, ColumnType.Timestamp, Nullable: true), new(End, ColumnType.Timestamp, Nullable: true)]
        : [];
}
