namespace FhirEf.Core.Jobs;

/// <summary>
/// A Bulk Data export as kicked off: level, group, the types (<c>_type</c>; empty means every type the level
/// covers), <c>_since</c>, and the <c>_typeFilter</c> queries by type (a resource is exported when it
/// matches any filter of its type), plus the request URL the manifest repeats.
/// </summary>
public sealed record ExportRequest(
    string ProjectId,
    ExportLevel Level,
    string? GroupId,
    IReadOnlyList<string> Types,
    DateTimeOffset? Since,
    IReadOnlyList<ExportTypeFilter> TypeFilters,
    string RequestUrl);
