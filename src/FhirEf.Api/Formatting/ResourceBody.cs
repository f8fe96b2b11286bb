using System.Text.Json;

namespace FhirEf.Api.Formatting;

/// <summary>
/// A resource as stored. Written byte for byte (the stored JSON is already compact FHIR JSON) unless
/// the request asks for <c>_pretty</c>, <c>_summary</c> or <c>_elements</c>.
/// </summary>
public sealed class ResourceBody(string json) : FhirBody
{
    public string Json { get; } = json;

    /// <summary>Whether the stored JSON can be sent as it is.</summary>
    public static bool IsVerbatim(BodyContext context, bool pretty)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !pretty && !context.Format.Subsets;
    }

    public override void WriteTo(Utf8JsonWriter writer, BodyContext context) => Write(writer, context, applyElements: true);

    /// <summary>Writes the resource; <c>_elements</c> applies only when <paramref name="applyElements"/> (not to included resources).</summary>
    public void Write(Utf8JsonWriter writer, BodyContext context, bool applyElements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(context);
        var elements = applyElements ? context.Format.Elements : null;
        var summary = context.Format.Summary;
        if (!writer.Options.Indented && summary is SummaryMode.False or SummaryMode.Count && elements is not { Count: > 0 })
        {
            writer.WriteRawValue(Json, skipInputValidation: true);
            return;
        }

        using var document = JsonDocument.Parse(Json);
        context.Projector.Write(writer, document.RootElement, summary, elements);
    }
}
