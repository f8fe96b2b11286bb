using System.Text.Json;

namespace FhirEf.Api.Patching;

/// <summary>A JSON Patch (RFC 6902): an array of operations, <c>application/json-patch+json</c>.</summary>
public sealed record JsonPatchDocument(JsonElement Operations) : PatchDocument;
