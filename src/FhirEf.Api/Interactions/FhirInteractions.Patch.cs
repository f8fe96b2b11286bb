using System.Text.Json;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Patching;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Interactions;

public sealed partial class FhirInteractions
{
    /// <summary>Attempts of a patch without If-Match when another write lands between its read and its update.</summary>
    private const int PatchAttempts = 3;

    /// <summary>
    /// patch (https://hl7.org/fhir/R4/http.html#patch): applies the patch to the current version and
    /// writes the result as an update. The result must still be a valid resource of the same type and
    /// id (422 otherwise). The update names the version the patch was applied to, so a concurrent write
    /// is never lost: with If-Match the client gets 412, without it the patch is applied again to the new version.
    /// </summary>
    public async Task<FhirResult> PatchAsync(string resourceType, string id, PatchDocument patch, int? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        RequireType(resourceType);
        RequireId(id);
        for (var attempt = 1; ; attempt++)
        {
            var current = await _repository.ReadAsync(resourceType, id, cancellationToken)
                ?? throw new ResourceNotFoundException($"{resourceType}/{id} is not known.");
            if (current.Deleted)
            {
                throw new ResourceGoneException($"{resourceType}/{id} was deleted; a deleted resource cannot be patched.");
            }

            if (ifMatch is { } expected && expected != current.VersionId)
            {
                throw new VersionConflictException($"If-Match W/\"{expected}\" does not hold: the current version of {resourceType}/{id} is {current.VersionId}.");
            }

            using var patched = JsonDocument.Parse(_patcher.Apply(current.Json!, patch));
            RequirePatchedResource(patched.RootElement, resourceType, id);
            try
            {
                var write = await _repository.UpdateAsync(
                    resourceType, id, patched.RootElement, new WriteOptions { IfMatchVersion = current.VersionId, Method = "PATCH" }, cancellationToken);
                return FromWrite(write);
            }
            catch (VersionConflictException) when (ifMatch is null && attempt < PatchAttempts)
            {
                // Someone wrote in between: patch the new version.
            }
        }
    }

    /// <summary>Conditional patch (https://hl7.org/fhir/R4/http.html#patch): no match 404, one match patched, several 412.</summary>
    public async Task<FhirResult> ConditionalPatchAsync(string resourceType, string criteria, PatchDocument patch, int? ifMatch, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        var ids = await Conditional.MatchAsync(resourceType, Criteria(resourceType, criteria), 2, cancellationToken);
        return ids.Count switch
        {
            0 => throw new ResourceNotFoundException($"No {resourceType} matches '{criteria}'."),
            1 => await PatchAsync(resourceType, ids[0], patch, ifMatch, cancellationToken),
            _ => throw new PreconditionFailedException($"'{criteria}' matches more than one {resourceType}; a conditional patch needs exactly one."),
        };
    }

    private void RequirePatchedResource(JsonElement patched, string resourceType, string id)
    {
        if (patched.ValueKind != JsonValueKind.Object
            || !patched.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals(resourceType))
        {
            throw new UnprocessableEntityException($"The patch changes the resource type; the result must still be a {resourceType}.", "processing", "resourceType");
        }

        if (!patched.TryGetProperty("id", out var patchedId) || patchedId.ValueKind != JsonValueKind.String || !patchedId.ValueEquals(id))
        {
            throw new UnprocessableEntityException($"The patch changes the id; the result must still be {resourceType}/{id}.", "processing", $"{resourceType}.id");
        }

        var validation = _reader.Validate(patched);
        if (!validation.IsValid)
        {
            throw new UnprocessableEntityException(
                "The patched resource is not valid.",
                validation.Issues.Select(i => new OutcomeIssue(
                    Core.Errors.OperationOutcomeCodes.Code(i.Severity), Core.Errors.OperationOutcomeCodes.Code(i.Code), "After the patch: " + i.Message, i.Path.Length == 0 ? null : i.Path)).ToList());
        }
    }
}
