using System.Text.Json.Nodes;

namespace FhirEf.Api.Tests.Bundles;

/// <summary>Builds batch and transaction Bundles, one line per entry.</summary>
internal sealed class BundleBuilder(string type)
{
    private readonly JsonArray _entries = [];

    public int Count => _entries.Count;

    public BundleBuilder Entry(string method, string url, string? resource = null, string? fullUrl = null, string? ifNoneExist = null, string? ifMatch = null)
    {
        var request = new JsonObject { ["method"] = method, ["url"] = url };
        if (ifNoneExist is not null)
        {
            request["ifNoneExist"] = ifNoneExist;
        }

        if (ifMatch is not null)
        {
            request["ifMatch"] = ifMatch;
        }

        var entry = new JsonObject();
        if (fullUrl is not null)
        {
            entry["fullUrl"] = fullUrl;
        }

        if (resource is not null)
        {
            entry["resource"] = JsonNode.Parse(resource);
        }

        entry["request"] = request;
        _entries.Add(entry);
        return this;
    }

    public string Build() => new JsonObject { ["resourceType"] = "Bundle", ["type"] = type, ["entry"] = _entries.DeepClone() }.ToJsonString();
}
