namespace FhirEf.Cli.Schema;

/// <summary>Medplum's storage of one search parameter and the main-table columns it uses.</summary>
internal sealed record MedplumParameterStorage(MedplumStorageKind Kind, IReadOnlyList<MedplumColumn> Columns);
