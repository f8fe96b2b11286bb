namespace FhirEf.Core.Indexing.Values;

public sealed record UriSearchValue(string Value) : SearchValue;
