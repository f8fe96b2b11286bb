namespace FhirEf.Core.Indexing.Values;

/// <summary>A string value as written (folding for search happens in storage: <see cref="Text.TextFolding"/>).</summary>
public sealed record StringSearchValue(string Value) : SearchValue;
