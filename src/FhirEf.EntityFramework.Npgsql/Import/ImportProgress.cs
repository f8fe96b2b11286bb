namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>What a run of a job has done so far: resources stored, resources refused, input bytes read.</summary>
public readonly record struct ImportProgress(long Resources, long Errors, long Bytes);
