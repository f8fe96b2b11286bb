namespace FhirEf.Core.Abstractions;

/// <summary>
/// A history request (https://hl7.org/fhir/R4/http.html#history): instance (type and id), type (type
/// only) or system (neither); <c>_since</c>, <c>_at</c>, <c>_count</c>, and a keyset cursor from the previous page.
/// </summary>
public sealed record HistoryQuery
{
    public string? ResourceType { get; init; }

    public string? Id { get; init; }

    /// <summary>Only versions last updated at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only the version current at this instant, per resource.</summary>
    public DateTimeOffset? At { get; init; }

    public int Count { get; init; } = 50;

    /// <summary>Opaque cursor from <see cref="HistoryPage.NextCursor"/>.</summary>
    public string? Cursor { get; init; }
}
