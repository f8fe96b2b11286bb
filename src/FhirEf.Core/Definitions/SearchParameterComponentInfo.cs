namespace FhirEf.Core.Definitions;

/// <summary>A component of a composite SearchParameter: the canonical URL of the component's parameter and its expression relative to the composite's value.</summary>
public sealed record SearchParameterComponentInfo(string Definition, string Expression);
