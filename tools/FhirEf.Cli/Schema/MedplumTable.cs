namespace FhirEf.Cli.Schema;

/// <summary>A table of Medplum's schema; <see cref="Kind"/> is main, history, references, lookup or shared.</summary>
internal sealed record MedplumTable(
    string Name,
    string Kind,
    string? ResourceType,
    IReadOnlyList<MedplumColumn> Columns,
    IReadOnlyList<MedplumIndex> Indexes)
{
    public const string MainKind = "main";
    public const string HistoryKind = "history";
    public const string ReferencesKind = "references";
    public const string LookupKind = "lookup";
}
