using FhirEf.Core.Abstractions;
using FhirEf.Core.Search.Expressions;
using FhirEf.Core.Search.Syntax;

namespace FhirEf.Core.Search.Binding;

/// <summary>A search bound to one resource type: the filter (null: everything), the controls, and what was ignored.</summary>
public sealed record BoundSearch(string ResourceType, SearchExpression? Filter, SearchControls Controls, IReadOnlyList<SearchIssue> Issues);
