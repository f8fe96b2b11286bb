using System.Text.Json;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// One record of an input (1-based <see cref="Position"/>): a resource, or why it is none, and the length of its
/// JSON text (what a batch's memory grows with).
/// </summary>
internal readonly record struct ImportRecord(long Position, JsonElement Resource, string? Error, int Length = 0);
