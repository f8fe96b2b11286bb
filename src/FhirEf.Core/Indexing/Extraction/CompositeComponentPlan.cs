using FhirEf.Core.Definitions;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>One component of a composite parameter: its own parameter (whose type converts the values) and its expression, relative to the composite's node.</summary>
internal sealed record CompositeComponentPlan(SearchParameterInfo Parameter, PlannedExpression Expression);
