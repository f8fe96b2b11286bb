using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirEf.Api.Formatting;

/// <summary>A resource the server builds (OperationOutcome, Parameters).</summary>
public sealed class JsonNodeBody(JsonNode node) : FhirBody
{
    public JsonNode Node { get; } = node;

    public override void WriteTo(Utf8JsonWriter writer, BodyContext context)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Node.WriteTo(writer);
    }
}
