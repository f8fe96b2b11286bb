namespace FhirEf.Core.Indexing;

public enum IndexingDiagnosticSeverity
{
    /// <summary>A value was skipped: it is malformed (a date that is not a date) or of a type the parameter's type does not read.</summary>
    Warning,

    /// <summary>A parameter was skipped for the resource: its FHIRPath expression failed, or could not be prepared.</summary>
    Error,
}
