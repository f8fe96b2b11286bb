using System.Text.Encodings.Web;
using System.Text.Json;

namespace FhirEf.Api.Formatting;

/// <summary>
/// JSON writing as FHIR wants it: UTF-8, and no escaping of characters JSON does not require to be
/// escaped (the default encoder writes <c>+</c> as <c>\u002B</c>, which FHIR clients compare literally).
/// </summary>
public static class FhirJson
{
    public static JsonWriterOptions Compact { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static JsonWriterOptions Pretty { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        SkipValidation = true,
    };

    public static JsonSerializerOptions SerializerOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonWriterOptions Writer(bool pretty) => pretty ? Pretty : Compact;
}
