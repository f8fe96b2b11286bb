namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>The locked current state of a resource a write starts from.</summary>
internal sealed record CurrentRow(int VersionId, bool Deleted, string? Content);
