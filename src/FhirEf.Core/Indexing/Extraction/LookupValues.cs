using System.Text.Json;
using FhirEf.Core.Indexing.Values;
using FhirEf.Core.Schema;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The rows of the shared lookup tables (<see cref="LookupTables"/>, docs/adr/0003-shared-lookup-tables.md):
/// one per HumanName, Address, ContactPoint or Identifier a search parameter yields, with the fields keyed
/// by the table's column names. A value two parameters reach (Patient <c>name</c> and <c>phonetic</c>)
/// gives a row for each: the rows are per (parameter, value).
/// </summary>
internal static class LookupValues
{
    /// <summary>The lookup row of a value of <paramref name="kind"/>, or null when the kind has no lookup table.</summary>
    public static LookupValue? Create(ValueKind kind, JsonElement json, string code) => kind switch
    {
        ValueKind.HumanName => new LookupValue(LookupTables.HumanName, code, new Dictionary<string, object?>(6, StringComparer.Ordinal)
        {
            ["use"] = JsonFields.String(json, "use"u8),
            ["text"] = JsonFields.String(json, "text"u8),
            ["family"] = JsonFields.String(json, "family"u8),
            ["given"] = JsonFields.Strings(json, "given"u8),
            ["prefix"] = JsonFields.Strings(json, "prefix"u8),
            ["suffix"] = JsonFields.Strings(json, "suffix"u8),
        }),
        ValueKind.Address => new LookupValue(LookupTables.Address, code, new Dictionary<string, object?>(9, StringComparer.Ordinal)
        {
            ["use"] = JsonFields.String(json, "use"u8),
            ["type"] = JsonFields.String(json, "type"u8),
            ["text"] = JsonFields.String(json, "text"u8),
            ["line"] = JsonFields.Strings(json, "line"u8),
            ["city"] = JsonFields.String(json, "city"u8),
            ["district"] = JsonFields.String(json, "district"u8),
            ["state"] = JsonFields.String(json, "state"u8),
            ["postalCode"] = JsonFields.String(json, "postalCode"u8),
            ["country"] = JsonFields.String(json, "country"u8),
        }),
        ValueKind.ContactPoint => new LookupValue(LookupTables.ContactPoint, code, new Dictionary<string, object?>(4, StringComparer.Ordinal)
        {
            ["system"] = JsonFields.String(json, "system"u8),
            ["value"] = JsonFields.String(json, "value"u8),
            ["use"] = JsonFields.String(json, "use"u8),
            ["rank"] = Rank(json),
        }),
        ValueKind.Identifier => Identifier(json, code),
        _ => null,
    };

    private static LookupValue Identifier(JsonElement json, string code)
    {
        var type = TokenValues.OfType(JsonFields.Object(json, "type"u8));
        return new LookupValue(LookupTables.Identifier, code, new Dictionary<string, object?>(5, StringComparer.Ordinal)
        {
            ["use"] = JsonFields.String(json, "use"u8),
            ["typeSystem"] = type?.System,
            ["typeCode"] = type?.Code,
            ["system"] = JsonFields.String(json, "system"u8),
            ["value"] = JsonFields.String(json, "value"u8),
        });
    }

    /// <summary>ContactPoint.rank is a positiveInt; anything else is left out.</summary>
    private static int? Rank(JsonElement json) =>
        JsonFields.Property(json, "rank"u8) is { ValueKind: JsonValueKind.Number } rank && rank.TryGetInt32(out var value) ? value : null;
}
