namespace FhirEf.Core.Indexing.Extraction;

/// <summary>A parameter the plan could not prepare (its expression does not compile, a component is unknown): reported with every resource of the type.</summary>
internal sealed record PlanIssue(string Parameter, string Message);
