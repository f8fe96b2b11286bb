namespace FhirEf.Core.Indexing;

/// <summary>Something <see cref="SearchIndexer"/> skipped while indexing one resource; indexing itself never fails for it.</summary>
/// <param name="Severity">Whether a value or a whole parameter was skipped.</param>
/// <param name="ResourceType">The resource's type.</param>
/// <param name="ResourceId">The resource's id (empty when it has none).</param>
/// <param name="Parameter">The search parameter code.</param>
/// <param name="Message">What went wrong.</param>
public sealed record IndexingDiagnostic(
    IndexingDiagnosticSeverity Severity,
    string ResourceType,
    string ResourceId,
    string Parameter,
    string Message)
{
    public override string ToString() => $"{Severity} {ResourceType}/{ResourceId} {Parameter}: {Message}";
}
