using System.Text.Json;
using System.Text.Json.Serialization;

namespace FhirEf.Core.Jobs;

/// <summary>How job requests and progress are written to the jobs table's <c>jsonb</c> columns.</summary>
public static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
