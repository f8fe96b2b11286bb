using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirEf.Api.Formatting;

/// <summary>Builds OperationOutcome resources (https://hl7.org/fhir/R4/operationoutcome.html).</summary>
public static class OperationOutcomeJson
{
    public static JsonObject Create(string severity, string code, string diagnostics) => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject
        {
            ["severity"] = severity,
            ["code"] = code,
            ["diagnostics"] = diagnostics,
        }),
    };

    public static string Serialize(JsonObject resource) => resource.ToJsonString(SerializerOptions);

    private static readonly JsonSerializerOptions SerializerOptions = new() { WriteIndented = false };
}
