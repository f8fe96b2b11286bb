using FhirEf.Core.Schema.Storage;
using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.Cli.Schema;

/// <summary>
/// One search parameter of a resource type both schemas have: FhirEf's storage and columns beside Medplum's.
/// <see cref="IsInherited"/>: the parameter is defined on an abstract type (Resource, DomainResource), so every type has it.
/// </summary>
internal sealed record ParameterComparison(
    string Code,
    bool IsInherited,
    SearchParameterStorage FhirEf,
    IReadOnlyList<ColumnSnapshot> FhirEfColumns,
    MedplumParameterStorage Medplum);
