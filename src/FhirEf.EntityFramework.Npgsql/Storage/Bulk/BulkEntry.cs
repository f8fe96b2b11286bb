using System.Text.Json;
using FhirEf.Core.Abstractions;
using FhirEf.EntityFramework.Storage.Rows;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>One valid input resource of a bulk write and what the current attempt decided for it.</summary>
internal sealed class BulkEntry(int index, string resourceType, string id, bool serverAssignedId, JsonElement resource)
{
    public int Index { get; } = index;

    public string ResourceType { get; } = resourceType;

    public string Id { get; } = id;

    public bool ServerAssignedId { get; } = serverAssignedId;

    public JsonElement Resource { get; } = resource;

    /// <summary>The locked current row; null when the resource does not exist (or was not looked up).</summary>
    public CurrentRow? Current { get; set; }

    public WriteOutcome Outcome { get; set; }

    public int VersionId { get; set; }

    /// <summary>The version written; null when nothing is written (an unchanged update).</summary>
    public ResourceVersion? Version { get; set; }

    /// <summary>The rows to write; null when nothing is written (an unchanged update).</summary>
    public ResourceRowSet? Rows { get; set; }

    /// <summary>Whether the main row exists and is replaced (an update, or a re-create after a delete).</summary>
    public bool Replaces => Current is not null;
}
