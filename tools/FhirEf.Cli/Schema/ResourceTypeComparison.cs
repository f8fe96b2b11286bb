using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.Cli.Schema;

/// <summary>
/// One resource type in either schema. For a type both have, <see cref="Parameters"/> compares every FhirEf
/// search parameter and <see cref="MedplumOnlyColumns"/> lists the Medplum columns no FhirEf parameter explains.
/// </summary>
internal sealed record ResourceTypeComparison(
    string ResourceType,
    TableSnapshot? FhirEfMain,
    MedplumTable? MedplumMain,
    IReadOnlyList<ParameterComparison> Parameters,
    IReadOnlyList<MedplumColumn> MedplumOnlyColumns)
{
    public bool InFhirEf => FhirEfMain is not null;

    public bool InMedplum => MedplumMain is not null;
}
