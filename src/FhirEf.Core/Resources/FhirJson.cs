using System.Text.Json;

namespace FhirEf.Core.Resources;

/// <summary>How FhirEf parses stored and incoming resource JSON: FHIR nests deeper than System.Text.Json's default 64 (Questionnaire items).</summary>
public static class FhirJson
{
    public const int MaxDepth = 256;

    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    public static JsonDocument Parse(string json) => JsonDocument.Parse(json, DocumentOptions);
}
