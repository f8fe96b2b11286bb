namespace FhirEf.Core.Search.Syntax;

/// <summary>One key of <c>_sort</c>: a parameter code, descending when written with a leading <c>-</c>.</summary>
public sealed record SortKey(string Parameter, bool Descending);
