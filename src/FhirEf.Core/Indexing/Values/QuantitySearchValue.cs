namespace FhirEf.Core.Indexing.Values;

/// <summary>A Quantity (or Money, Age, Duration…): the value with its precision range, and its units.</summary>
public sealed record QuantitySearchValue(decimal Value, decimal Low, decimal High, string? System, string? Code, string? Unit) : SearchValue;
