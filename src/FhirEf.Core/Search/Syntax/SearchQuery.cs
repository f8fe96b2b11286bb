namespace FhirEf.Core.Search.Syntax;

/// <summary>A parsed query: the filter parameters in order (a repeat is an AND) and the result controls.</summary>
public sealed record SearchQuery(IReadOnlyList<SearchParameterSyntax> Filters, SearchControls Controls);
