using FhirEf.EntityFramework.Npgsql.Schema;

namespace FhirEf.Cli.Schema;

/// <summary>
/// FhirEf's schema against Medplum's: totals, every resource type, and all tables of both; <see cref="FhirEfTableKinds"/>
/// gives each FhirEf table's kind under Medplum's names (main, history, references, lookup).
/// </summary>
internal sealed record MedplumComparisonResult(
    string MedplumVersion,
    SchemaTotals FhirEf,
    SchemaTotals Medplum,
    IReadOnlyList<ResourceTypeComparison> ResourceTypes,
    IReadOnlyList<TableSnapshot> FhirEfTables,
    IReadOnlyDictionary<string, string> FhirEfTableKinds,
    IReadOnlyList<MedplumTable> MedplumTables)
{
    public IEnumerable<ResourceTypeComparison> Common => ResourceTypes.Where(r => r.InFhirEf && r.InMedplum);

    public IEnumerable<ResourceTypeComparison> MedplumOnly => ResourceTypes.Where(r => !r.InFhirEf);

    public IEnumerable<ResourceTypeComparison> FhirEfOnly => ResourceTypes.Where(r => !r.InMedplum);
}
