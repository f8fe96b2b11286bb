using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// One compiled piece of an expression: given the focus (the collection a path starts from, which
/// is also <c>$this</c>) and the evaluation's context, returns the result collection.
/// </summary>
internal delegate FhirPathCollection CompiledNode(FhirPathCollection focus, EvaluationContext context);
