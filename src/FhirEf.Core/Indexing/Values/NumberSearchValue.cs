namespace FhirEf.Core.Indexing.Values;

/// <summary>A number and the range [Low, High) its significant digits imply (100 → [99.5, 100.5)).</summary>
public sealed record NumberSearchValue(decimal Value, decimal Low, decimal High) : SearchValue;
