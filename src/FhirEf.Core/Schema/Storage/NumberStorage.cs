using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// number: the range [<see cref="Low"/>, <see cref="High"/>) the value's significant digits imply
/// (100 is [99.5, 100.5)), as numeric.
/// </summary>
public sealed record NumberStorage(SearchParameterInfo Parameter, string Low, string High) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns =>
    [
        new(Low, ColumnType.Numeric, Nullable: true),
        new(High, ColumnType.Numeric, Nullable: true),
    ];
}
