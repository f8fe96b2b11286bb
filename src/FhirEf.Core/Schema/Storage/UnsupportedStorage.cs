using FhirEf.Core.Definitions;

namespace FhirEf.Core.Schema.Storage;

/// <summary>A parameter FhirEf does not index, and why (the CapabilityStatement leaves it out).</summary>
public sealed record UnsupportedStorage(SearchParameterInfo Parameter, string Reason) : SearchParameterStorage(Parameter)
{
    public override IEnumerable<ColumnSchema> OwnColumns => [];
}
