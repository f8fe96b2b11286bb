using System.Text.Json;

namespace FhirEf.Core.Jobs;

/// <summary>
/// One row of the jobs table: what was asked (<see cref="Request"/>), how far it got (<see cref="Progress"/>,
/// which is also where a resumed job starts again), and how it ended.
/// </summary>
public sealed record FhirJob(
    Guid Id,
    string Kind,
    JobStatus Status,
    JsonElement Request,
    JsonElement? Progress,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string? Error)
{
    public T RequestAs<T>() => Request.Deserialize<T>(JobJson.Options)
        ?? throw new InvalidOperationException($"Job {Id} has no {typeof(T).Name}.");

    public T? ProgressAs<T>()
        where T : class => Progress is { ValueKind: JsonValueKind.Object } progress ? progress.Deserialize<T>(JobJson.Options) : null;
}
