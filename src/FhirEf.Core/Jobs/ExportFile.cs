namespace FhirEf.Core.Jobs;

/// <summary>One NDJSON file of an export: its type, its name in the job's folder, and how many resources it holds.</summary>
public sealed record ExportFile(string Type, string Name, long Count);
