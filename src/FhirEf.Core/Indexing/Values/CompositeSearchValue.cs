namespace FhirEf.Core.Indexing.Values;

/// <summary>
/// One value of a composite parameter: for each component (in the SearchParameter's order), the values
/// that component's expression yields on the same element (so <c>code-value-quantity</c> pairs each
/// component's code with that same component's value).
/// </summary>
public sealed record CompositeSearchValue(IReadOnlyList<IReadOnlyList<SearchValue>> Components) : SearchValue;
