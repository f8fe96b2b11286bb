namespace FhirEf.Core.Abstractions;

/// <summary>Options of a single write.</summary>
public sealed record WriteOptions
{
    public static WriteOptions None { get; } = new();

    /// <summary><c>If-Match: W/"n"</c>: the write fails with 412 unless the current version is n.</summary>
    public int? IfMatchVersion { get; init; }

    /// <summary>The interaction, as history records it (POST for create, PUT for update, PATCH…); defaults from the operation.</summary>
    public string? Method { get; init; }
}
