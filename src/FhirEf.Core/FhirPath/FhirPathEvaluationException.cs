namespace FhirEf.Core.FhirPath;

/// <summary>
/// A valid expression could not be evaluated on the given input: the specification says "the
/// evaluation will end and signal an error" (for example <c>single()</c> on two items, an operator
/// applied to a collection of several items, or operands of incompatible types).
/// </summary>
public sealed class FhirPathEvaluationException : FhirPathException
{
    public FhirPathEvaluationException(string message)
        : base(message)
    {
    }

    public FhirPathEvaluationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
