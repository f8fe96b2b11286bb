using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// number: the smallest (<see cref="Low"/>) and largest (<see cref="High"/>) value, numeric. R4 compares
/// the target's value (search §3.1.1.4.6): <c>eq</c> against the search value's precision range
/// (<c>100</c> is [99.5, 100.5)), the other prefixes against the exact value. One value makes both
/// columns equal and every prefix exact; several values are compared by their span.
/// </summary>
public sealed record NumberStorage(SearchParameterInfo Parameter, string Low, string High) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns =>
    [
        new(Low, ColumnType.Numeric, Nullable: true),
        new(High, ColumnType.Numeric, Nullable: true),
    ];
}
