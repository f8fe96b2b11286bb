namespace FhirEf.Cli.Schema;

/// <summary>An index of Medplum's schema (primary-key indexes included, flagged).</summary>
internal sealed record MedplumIndex(string Name, string Method, bool PrimaryKey, string PgIndexdef);
