using FhirEf.Api.Formatting;
using FhirEf.Core.Abstractions;

namespace FhirEf.Api.Interactions;

/// <summary>
/// The outcome of one interaction, independent of HTTP: a status, the version it concerns (for ETag,
/// Last-Modified and the Location of a created resource) and a body. Controllers write it as an HTTP
/// response; the batch and transaction processor as a Bundle entry.
/// </summary>
public sealed class FhirResult(int status)
{
    public int Status { get; } = status;

    public FhirBody? Body { get; init; }

    public ResourceVersion? Version { get; init; }

    /// <summary>The version's URL relative to the base (<c>Patient/1/_history/2</c>), for Location.</summary>
    public string? Location { get; init; }

    /// <summary>Create, update, patch and delete: <c>Prefer: return</c> decides the body.</summary>
    public bool IsWrite { get; init; }

    /// <summary>What the OperationOutcome says when <c>Prefer: return=OperationOutcome</c> asks for one.</summary>
    public string? Information { get; init; }

    public static string VersionLocation(ResourceVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return $"{version.ResourceType}/{version.Id}/_history/{version.VersionId}";
    }
}
