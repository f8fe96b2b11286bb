namespace FhirEf.Core.Search.Syntax;

/// <summary><c>_total</c>: none (the default: no count query), estimate (the planner's estimate), accurate.</summary>
public enum TotalMode
{
    None,
    Estimate,
    Accurate,
}
