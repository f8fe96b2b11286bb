using System.Text.Json;
using FhirEf.Api.Formatting;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Interactions;

public sealed partial class FhirInteractions
{
    /// <summary>
    /// create (https://hl7.org/fhir/R4/http.html#create): 201 with the new id; with <c>If-None-Exist</c>
    /// a conditional create: no match creates, one match is returned (200), several are 412.
    /// </summary>
    public async Task<FhirResult> CreateAsync(string resourceType, JsonElement resource, string? ifNoneExist, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireBodyType(resource, resourceType);
        var write = string.IsNullOrWhiteSpace(ifNoneExist)
            ? await _repository.CreateAsync(resource, WriteOptions.None, cancellationToken)
            : await Conditional.ConditionalCreateAsync(resource, Criteria(resourceType, ifNoneExist), WriteOptions.None, cancellationToken);
        return FromWrite(write);
    }

    /// <summary>A create whose id the transaction chose beforehand, because other entries refer to it by that id.</summary>
    public async Task<FhirResult> CreateWithIdAsync(string resourceType, string id, JsonElement resource, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireBodyType(resource, resourceType);
        return FromWrite(await _repository.UpdateAsync(resourceType, id, resource, new WriteOptions { Method = "POST" }, cancellationToken));
    }

    /// <summary>update (https://hl7.org/fhir/R4/http.html#update), update-as-create when the id is new; <c>If-Match</c> makes it version-aware (412).</summary>
    public async Task<FhirResult> UpdateAsync(string resourceType, string id, JsonElement resource, int? ifMatch, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireId(id);
        RequireBodyType(resource, resourceType);
        return FromWrite(await _repository.UpdateAsync(resourceType, id, resource, new WriteOptions { IfMatchVersion = ifMatch }, cancellationToken));
    }

    /// <summary>Conditional update (https://hl7.org/fhir/R4/http.html#cond-update): <c>PUT [type]?[criteria]</c>.</summary>
    public async Task<FhirResult> ConditionalUpdateAsync(string resourceType, string criteria, JsonElement resource, int? ifMatch, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireBodyType(resource, resourceType);
        var write = await Conditional.ConditionalUpdateAsync(
            resourceType, Criteria(resourceType, criteria), resource, new WriteOptions { IfMatchVersion = ifMatch }, cancellationToken);
        return FromWrite(write);
    }

    /// <summary>delete (https://hl7.org/fhir/R4/http.html#delete): 204 whether or not there was anything to delete.</summary>
    public async Task<FhirResult> DeleteAsync(string resourceType, string id, int? ifMatch, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireId(id);
        return FromWrite(await _repository.DeleteAsync(resourceType, id, new WriteOptions { IfMatchVersion = ifMatch }, cancellationToken));
    }

    /// <summary>Conditional delete (https://hl7.org/fhir/R4/http.html#3.1.0.7.1): the one match (several: 412).</summary>
    public async Task<FhirResult> ConditionalDeleteAsync(string resourceType, string criteria, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        var writes = await Conditional.ConditionalDeleteAsync(resourceType, Criteria(resourceType, criteria), allowMultiple: false, WriteOptions.None, cancellationToken);
        return writes.Count == 1 ? FromWrite(writes[0]) : new FhirResult(StatusCodes.Status204NoContent)
        {
            IsWrite = true,
            Information = writes.Count == 0 ? "No resource matched; nothing was deleted." : $"Deleted {writes.Count} resources.",
        };
    }

    /// <summary>Search criteria of a conditional interaction: the query without '?' (a leading <c>Type?</c> is accepted); none is a bad request.</summary>
    public static string Criteria(string resourceType, string criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var text = criteria.Trim();
        if (text.StartsWith(resourceType + "?", StringComparison.Ordinal))
        {
            text = text[(resourceType.Length + 1)..];
        }

        text = text.TrimStart('?');
        return text.Length > 0
            ? text
            : throw new InvalidRequestException($"A conditional interaction on {resourceType} needs search criteria.");
    }

    public static void RequireBodyType(JsonElement resource, string resourceType)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new InvalidResourceException("The body is not a FHIR resource: it has no resourceType.", "resourceType");
        }

        if (!type.ValueEquals(resourceType))
        {
            throw new InvalidResourceException($"The body is a {type.GetString()}, but the URL names {resourceType}.", "resourceType");
        }
    }

    internal static FhirResult FromWrite(WriteResult write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var version = write.Version;
        return write.Outcome switch
        {
            WriteOutcome.Created => new FhirResult(StatusCodes.Status201Created)
            {
                Version = version,
                Location = FhirResult.VersionLocation(version!),
                Body = new ResourceBody(version!.Json!),
                IsWrite = true,
                Information = $"Created {version.ResourceType}/{version.Id} (version {version.VersionId}).",
            },
            WriteOutcome.Updated or WriteOutcome.Unchanged => new FhirResult(StatusCodes.Status200OK)
            {
                Version = version,
                Body = version?.Json is { } json ? new ResourceBody(json) : null,
                IsWrite = true,
                Information = write.Outcome == WriteOutcome.Updated
                    ? $"Updated {version!.ResourceType}/{version.Id} to version {version.VersionId}."
                    : $"{version!.ResourceType}/{version.Id} is unchanged (version {version.VersionId}): no new version was written.",
            },
            WriteOutcome.Deleted => new FhirResult(StatusCodes.Status204NoContent)
            {
                Version = version,
                IsWrite = true,
                Information = $"Deleted {version!.ResourceType}/{version.Id}.",
            },
            _ => new FhirResult(StatusCodes.Status204NoContent)
            {
                IsWrite = true,
                Information = "There was nothing to delete.",
            },
        };
    }
}
