namespace FhirEf.Core.Bulk;

/// <summary>A resource an import could not store: where it was (input URL, 1-based record number) and why.</summary>
public sealed record ImportError(string Url, long Position, string Message);
