using System.Text.Json.Nodes;

namespace FhirEf.Api.Formatting;

/// <summary>Builds OperationOutcome resources (https://hl7.org/fhir/R4/operationoutcome.html).</summary>
public static class OperationOutcomeJson
{
    public static JsonObject Create(string severity, string code, string diagnostics) =>
        Create([new OutcomeIssue(severity, code, diagnostics)]);

    public static JsonObject Create(IEnumerable<OutcomeIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var array = new JsonArray();
        foreach (var issue in issues)
        {
            var item = new JsonObject
            {
                ["severity"] = issue.Severity,
                ["code"] = issue.Code,
                ["diagnostics"] = issue.Diagnostics,
            };
            if (!string.IsNullOrEmpty(issue.Expression))
            {
                item["expression"] = new JsonArray(issue.Expression);
            }

            array.Add(item);
        }

        return new JsonObject { ["resourceType"] = "OperationOutcome", ["issue"] = array };
    }

    public static string Serialize(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.ToJsonString(FhirJson.SerializerOptions);
    }
}
