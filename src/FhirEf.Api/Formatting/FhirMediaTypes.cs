namespace FhirEf.Api.Formatting;

public static class FhirMediaTypes
{
    public const string Json = "application/fhir+json";
    public const string JsonWithCharset = "application/fhir+json; charset=utf-8";
    public const string PlainJson = "application/json";
    public const string PlainJsonWithCharset = "application/json; charset=utf-8";

    /// <summary>The DSTU2 name, still sent by older clients.</summary>
    public const string LegacyJson = "application/json+fhir";

    public const string Xml = "application/fhir+xml";
    public const string JsonPatch = "application/json-patch+json";
    public const string FormUrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>Whether a request body of this media type is FHIR JSON (the types this server reads).</summary>
    public static bool IsJson(string mediaType) =>
        mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals(PlainJson, StringComparison.OrdinalIgnoreCase)
        || mediaType.Equals(LegacyJson, StringComparison.OrdinalIgnoreCase);
}
