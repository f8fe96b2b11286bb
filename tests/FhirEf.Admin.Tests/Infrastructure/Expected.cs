using System.Globalization;
using System.Text.Json;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>Facts about the Synthea data computed from the JSON files, in the terms the OData tests ask about.</summary>
public static class Expected
{
    public static int Where(string type, Func<JsonElement, bool> predicate) => Resources(type).Count(predicate);

    public static bool HasCode(JsonElement resource, string property, string code) =>
        Codes(resource, property).Any(c => c == code || c.EndsWith("|" + code, StringComparison.Ordinal));

    /// <summary>Codes of a property that is a list of CodeableConcepts (Observation.category).</summary>
    public static bool HasCodeInList(JsonElement resource, string property, string code) =>
        resource.TryGetProperty(property, out var list) && list.EnumerateArray().Any(concept =>
            concept.TryGetProperty("coding", out var codings) && codings.EnumerateArray().Any(c => Text(c, "code") == code));

    /// <summary>The first code of a CodeableConcept: what a token's sort column holds.</summary>
    public static string? FirstCode(JsonElement resource, string property)
    {
        if (!resource.TryGetProperty(property, out var concept))
        {
            return null;
        }

        if (concept.ValueKind == JsonValueKind.Array)
        {
            concept = concept[0];
        }

        return concept.TryGetProperty("coding", out var codings) && codings.GetArrayLength() > 0 ? Text(codings[0], "code") : null;
    }

    public static decimal? Quantity(JsonElement resource) =>
        resource.TryGetProperty("valueQuantity", out var quantity) && quantity.TryGetProperty("value", out var value) ? value.GetDecimal() : null;

    public static string? QuantityUnit(JsonElement resource) =>
        resource.TryGetProperty("valueQuantity", out var quantity) ? Text(quantity, "code") ?? Text(quantity, "unit") : null;

    public static int BirthYear(JsonElement patient) => int.Parse(Text(patient, "birthDate")![..4], CultureInfo.InvariantCulture);

    public static string City(JsonElement patient) => patient.GetProperty("address")[0].GetProperty("city").GetString()!;

    public static DateTimeOffset? Effective(JsonElement resource) =>
        Text(resource, "effectiveDateTime") is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
}
