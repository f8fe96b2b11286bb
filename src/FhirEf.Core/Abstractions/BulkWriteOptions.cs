namespace FhirEf.Core.Abstractions;

/// <summary>Options of one <see cref="IFhirBulkWriter"/> call.</summary>
public sealed record BulkWriteOptions
{
    public static BulkWriteOptions None { get; } = new();

    /// <summary>
    /// The caller knows none of the resources exists (fresh ids from a generator): skips the lookup of
    /// current versions and copies straight into the tables. A resource that does exist fails the batch.
    /// </summary>
    public bool AllNew { get; init; }

    /// <summary>The interaction history records; defaults to POST for server ids and PUT for client ids.</summary>
    public string? Method { get; init; }
}
