namespace FhirEf.Core.Bulk;

/// <summary>
/// How far an input has been imported: <see cref="Position"/> records (lines of NDJSON, entries of a
/// Bundle) are done, committed in the same transaction as their resources, so a resumed job starts there.
/// </summary>
public sealed record ImportInputProgress(ImportInput Input, long Position, bool Done, long Resources, long Errors);
