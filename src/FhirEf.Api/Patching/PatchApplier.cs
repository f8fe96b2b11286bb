using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;

namespace FhirEf.Api.Patching;

/// <summary>Applies a JSON Patch or a FHIRPath Patch to a stored resource and returns the patched resource as JSON.</summary>
public sealed class PatchApplier(FhirPathPatch fhirPathPatch)
{
    public string Apply(string resourceJson, PatchDocument patch)
    {
        ArgumentNullException.ThrowIfNull(resourceJson);
        var resource = JsonNode.Parse(resourceJson)!.AsObject();
        var patched = patch switch
        {
            JsonPatchDocument json => JsonPatch.Apply(resource, json.Operations),
            FhirPathPatchDocument fhirPath => fhirPathPatch.Apply(resource, fhirPath.Parameters),
            _ => throw new ArgumentException($"Unknown patch document {patch?.GetType().Name}.", nameof(patch)),
        };
        return patched?.ToJsonString(FhirJson.SerializerOptions) ?? "null";
    }
}
