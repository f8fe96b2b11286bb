namespace FhirEf.Cli.Schema;

/// <summary>A column of Medplum's schema: <see cref="Type"/> as Medplum declares it, <see cref="PgType"/> as PostgreSQL reports it.</summary>
internal sealed record MedplumColumn(string Name, string Type, string PgType, bool PgNotNull);
