using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Api.Patching;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Interactions;

public sealed partial class FhirInteractions
{
    /// <summary>
    /// <c>$validate</c> (https://hl7.org/fhir/R4/resource-operation-validate.html), structural: the
    /// resource (the body, or the <c>resource</c> parameter of a Parameters body) against the
    /// StructureDefinitions. The answer is 200 with an OperationOutcome listing every issue (or saying
    /// there is none); profiles are not checked, and a <c>profile</c> parameter says so in a warning.
    /// </summary>
    public async Task<FhirResult> ValidateAsync(string? resourceType, string? id, JsonElement body, CancellationToken cancellationToken)
    {
        if (resourceType is not null)
        {
            RequireType(resourceType);
        }

        if (id is not null)
        {
            RequireId(id);
        }

        var (resource, mode, profile) = ValidateInput(body, resourceType);
        var issues = new List<OutcomeIssue>();
        if (mode == "delete")
        {
            if (resourceType is null || id is null)
            {
                throw new InvalidRequestException("$validate with mode=delete names a resource: [type]/[id]/$validate.");
            }

            if (!await _repository.ExistsAsync(resourceType, id, cancellationToken))
            {
                issues.Add(new OutcomeIssue("error", "not-found", $"{resourceType}/{id} does not exist, so it cannot be deleted."));
            }
        }
        else if (resource.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException("$validate needs a resource: the body, or a Parameters with a 'resource' parameter.");
        }
        else
        {
            foreach (var issue in _reader.Validate(resource).Issues)
            {
                issues.Add(new OutcomeIssue(
                    OperationOutcomeCodes.Code(issue.Severity), OperationOutcomeCodes.Code(issue.Code), issue.ToString(), issue.Path.Length == 0 ? null : issue.Path));
            }

            if (resourceType is not null && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && !type.ValueEquals(resourceType))
            {
                issues.Add(new OutcomeIssue("error", "invalid", $"The resource is a {type.GetString()}, but the URL names {resourceType}.", "resourceType"));
            }

            if (mode == "update" && id is not null && (!resource.TryGetProperty("id", out var resourceId) || resourceId.ValueKind != JsonValueKind.String || !resourceId.ValueEquals(id)))
            {
                issues.Add(new OutcomeIssue("error", "invalid", $"An update of {resourceType}/{id} needs a resource with id '{id}'.", "id"));
            }
        }

        if (profile is not null)
        {
            issues.Add(new OutcomeIssue("warning", "not-supported", $"Validation against the profile '{profile}' is not supported; the resource was checked against the base R4 definitions only."));
        }

        if (!issues.Any(i => i.Severity is "error" or "fatal"))
        {
            issues.Insert(0, new OutcomeIssue("information", "informational", "The resource is valid against the R4 StructureDefinitions."));
        }

        return new FhirResult(StatusCodes.Status200OK) { Body = new JsonNodeBody(OperationOutcomeJson.Create(issues)) };
    }

    /// <summary><c>$meta</c> of an instance or a version (https://hl7.org/fhir/R4/resource-operation-meta.html).</summary>
    public async Task<FhirResult> MetaAsync(string resourceType, string id, string? versionId, CancellationToken cancellationToken)
    {
        var read = versionId is null
            ? await ReadAsync(resourceType, id, ReadConditions.None, cancellationToken)
            : await VReadAsync(resourceType, id, versionId, cancellationToken);
        if (read.Status != StatusCodes.Status200OK)
        {
            return read;
        }

        var resource = JsonNode.Parse(((ResourceBody)read.Body!).Json)!.AsObject();
        return MetaResult(resource["meta"]?.DeepClone() as JsonObject ?? [], read.Version);
    }

    /// <summary>
    /// <c>$meta-add</c> and <c>$meta-delete</c> (https://hl7.org/fhir/R4/resource-operation-meta-add.html):
    /// adds or removes profiles, tags and security labels. History is append-only here, so the change is a new version.
    /// </summary>
    public async Task<FhirResult> ChangeMetaAsync(string resourceType, string id, JsonElement parameters, bool add, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireId(id);
        var change = MetaParameter(parameters);
        var current = await _repository.ReadAsync(resourceType, id, cancellationToken)
            ?? throw new ResourceNotFoundException($"{resourceType}/{id} is not known.");
        if (current.Deleted)
        {
            throw new ResourceGoneException($"{resourceType}/{id} was deleted.");
        }

        var resource = JsonNode.Parse(current.Json!)!.AsObject();
        var meta = resource["meta"] as JsonObject ?? [];
        resource["meta"] = meta;
        foreach (var list in (ReadOnlySpan<string>)["profile", "tag", "security"])
        {
            if (change.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                MetaLists.Apply(meta, list, items, add);
            }
        }

        using var changed = JsonDocument.Parse(resource.ToJsonString(FhirJson.SerializerOptions));
        var write = await _repository.UpdateAsync(
            resourceType, id, changed.RootElement, new WriteOptions { IfMatchVersion = current.VersionId, Method = "PATCH" }, cancellationToken);
        var stored = JsonNode.Parse(write.Version!.Json!)!.AsObject();
        return MetaResult(stored["meta"]?.DeepClone() as JsonObject ?? [], write.Version);
    }

    private static FhirResult MetaResult(JsonObject meta, ResourceVersion? version) => new(StatusCodes.Status200OK)
    {
        Version = version,
        Body = new JsonNodeBody(new JsonObject
        {
            ["resourceType"] = "Parameters",
            ["parameter"] = new JsonArray(new JsonObject { ["name"] = "return", ["valueMeta"] = meta }),
        }),
    };

    private static JsonElement MetaParameter(JsonElement parameters)
    {
        if (parameters.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("Parameters")
            && parameters.TryGetProperty("parameter", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in list.EnumerateArray())
            {
                if (parameter.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.ValueEquals("meta")
                    && parameter.TryGetProperty("valueMeta", out var meta) && meta.ValueKind == JsonValueKind.Object)
                {
                    return meta;
                }
            }
        }

        throw new InvalidRequestException("$meta-add and $meta-delete take a Parameters resource with a 'meta' parameter (valueMeta).");
    }

    private static (JsonElement Resource, string? Mode, string? Profile) ValidateInput(JsonElement body, string? resourceType)
    {
        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String
            || !type.ValueEquals("Parameters") || resourceType == "Parameters")
        {
            return (body, null, null);
        }

        JsonElement resource = default;
        string? mode = null, profile = null;
        if (body.TryGetProperty("parameter", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in list.EnumerateArray())
            {
                var name = parameter.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                switch (name)
                {
                    case "resource" when parameter.TryGetProperty("resource", out var r):
                        resource = r;
                        break;
                    case "mode" when parameter.TryGetProperty("valueCode", out var m) && m.ValueKind == JsonValueKind.String:
                        mode = m.GetString();
                        break;
                    case "profile" when parameter.TryGetProperty("valueUri", out var p) && p.ValueKind == JsonValueKind.String:
                        profile = p.GetString();
                        break;
                }
            }
        }

        if (mode is not null and not ("create" or "update" or "delete"))
        {
            throw new InvalidRequestException($"$validate mode is create, update or delete, not '{mode}'.", "mode");
        }

        return (resource, mode, profile);
    }
}
