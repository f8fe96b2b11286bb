using System.Text.Json;

namespace FhirEf.EntityFramework.Tests.Schema;

/// <summary>One node of an <c>EXPLAIN (FORMAT JSON)</c> plan, flattened: its type, table and index.</summary>
public sealed record PlanNode(string NodeType, string? Relation, string? Index)
{
    /// <summary>Every node of the plan document PostgreSQL returns (<c>[{"Plan": {…, "Plans": […]}}]</c>).</summary>
    public static IReadOnlyList<PlanNode> Flatten(string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        var nodes = new List<PlanNode>();
        foreach (var statement in document.RootElement.EnumerateArray())
        {
            Walk(statement.GetProperty("Plan"), nodes);
        }

        return nodes;
    }

    public override string ToString() => $"{NodeType} {Relation} {Index}".Trim();

    private static void Walk(JsonElement plan, List<PlanNode> nodes)
    {
        nodes.Add(new PlanNode(
            plan.GetProperty("Node Type").GetString()!,
            plan.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
            plan.TryGetProperty("Index Name", out var index) ? index.GetString() : null));
        if (plan.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, nodes);
            }
        }
    }
}
