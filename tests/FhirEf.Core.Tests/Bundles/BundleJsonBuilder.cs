using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirEf.Core.Tests.Bundles;

/// <summary>Builds batch and transaction Bundles for tests: one line per entry.</summary>
internal sealed class BundleJsonBuilder(string type)
{
    private readonly JsonArray _entries = [];

    public BundleJsonBuilder Entry(string method, string url, JsonObject? resource = null, string? fullUrl = null, string? ifNoneExist = null)
    {
        var request = new JsonObject { ["method"] = method, ["url"] = url };
        if (ifNoneExist is not null)
        {
            request["ifNoneExist"] = ifNoneExist;
        }

        var entry = new JsonObject();
        if (fullUrl is not null)
        {
            entry["fullUrl"] = fullUrl;
        }

        if (resource is not null)
        {
            entry["resource"] = resource;
        }

        entry["request"] = request;
        _entries.Add(entry);
        return this;
    }

    public JsonElement Build()
    {
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = type, ["entry"] = _entries.DeepClone() };
        return JsonDocument.Parse(bundle.ToJsonString()).RootElement.Clone();
    }

    public static JsonObject Patient(string? id = null, string? managingOrganization = null)
    {
        var patient = new JsonObject { ["resourceType"] = "Patient" };
        if (id is not null)
        {
            patient["id"] = id;
        }

        if (managingOrganization is not null)
        {
            patient["managingOrganization"] = new JsonObject { ["reference"] = managingOrganization };
        }

        return patient;
    }

    public static JsonObject Observation(string subject) => new()
    {
        ["resourceType"] = "Observation",
        ["status"] = "final",
        ["code"] = new JsonObject { ["text"] = "test" },
        ["subject"] = new JsonObject { ["reference"] = subject },
    };
}
