using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>
/// A compiled function invocation: <paramref name="input"/> is the collection the function is
/// invoked on, <paramref name="focus"/> the collection its ordinary arguments are evaluated on.
/// </summary>
internal delegate FhirPathCollection FunctionBody(FhirPathCollection input, FhirPathCollection focus, EvaluationContext context);
