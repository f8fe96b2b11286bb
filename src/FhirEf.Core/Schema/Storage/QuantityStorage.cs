using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// quantity: the smallest and largest value as for <see cref="NumberStorage"/>, and <see cref="Units"/>
/// (text[]) with <c>system|code</c>, <c>code</c> and <c>unit</c> of each value.
/// </summary>
public sealed record QuantityStorage(SearchParameterInfo Parameter, string Low, string High, string Units) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns =>
    [
        new(Low, ColumnType.Numeric, Nullable: true),
        new(High, ColumnType.Numeric, Nullable: true),
        new(Units, ColumnType.TextArray, Nullable: true),
    ];
}
