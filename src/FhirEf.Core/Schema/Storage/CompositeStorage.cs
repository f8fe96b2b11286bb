using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>
/// composite: one jsonb array with an object per composite value, keyed by component position
/// (<c>[{"0": ["http://loinc.org|8480-6", …], "1": [{"v": 120, "u": ["mm[Hg]", …]}]}]</c>),
/// each component encoded as its own parameter type stores it. GIN (<c>jsonb_path_ops</c>) serves
/// the token parts through <c>@&gt;</c>; ranges are checked per tuple with <c>jsonb_path_exists</c>.
/// </summary>
public sealed record CompositeStorage(SearchParameterInfo Parameter, string Column) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => [new(Column, ColumnType.Jsonb, Nullable: true)];
}
