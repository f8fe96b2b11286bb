namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// A structured value for the shared lookup tables (HumanName, Address, ContactPoint, Identifier):
/// the table, the search parameter that yielded it, and its fields by column name.
/// </summary>
public sealed record LookupValue(string Table, string Code, IReadOnlyDictionary<string, object?> Fields);
