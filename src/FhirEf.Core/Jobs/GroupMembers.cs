using System.Text.Json;

namespace FhirEf.Core.Jobs;

/// <summary>The patients of a Group: the ids of its <c>member.entity</c> references to Patient (relative, <c>Patient/[id]</c>).</summary>
public static class GroupMembers
{
    public static IReadOnlyList<string> PatientIds(string groupJson)
    {
        using var document = JsonDocument.Parse(groupJson);
        var ids = new List<string>();
        if (!document.RootElement.TryGetProperty("member", out var members) || members.ValueKind != JsonValueKind.Array)
        {
            return ids;
        }

        foreach (var member in members.EnumerateArray())
        {
            if (member.TryGetProperty("entity", out var entity) && entity.TryGetProperty("reference", out var reference)
                && reference.ValueKind == JsonValueKind.String && reference.GetString() is { } text
                && text.StartsWith("Patient/", StringComparison.Ordinal) && text.Split('/').Length == 2)
            {
                ids.Add(text["Patient/".Length..]);
            }
        }

        return ids;
    }
}
