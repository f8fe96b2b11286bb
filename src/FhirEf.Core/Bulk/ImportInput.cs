namespace FhirEf.Core.Bulk;

/// <summary>One input of an import: an NDJSON (or Bundle JSON) file by URL or path, optionally gzipped, and the type it declares.</summary>
public sealed record ImportInput(string Url, string? ResourceType = null);
