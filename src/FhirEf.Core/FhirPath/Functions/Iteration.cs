using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.FhirPath.Evaluation;

namespace FhirEf.Core.FhirPath.Functions;

/// <summary>Evaluating an expression argument once per input item, with <c>$this</c> the item and <c>$index</c> its position.</summary>
internal static class Iteration
{
    public static FhirPathCollection Evaluate(CompiledNode expression, object item, int index, EvaluationContext context)
    {
        var outer = context.Index;
        context.Index = index;
        try
        {
            return expression(FhirPathCollection.Of(item), context);
        }
        finally
        {
            context.Index = outer;
        }
    }

    /// <summary>The criteria as a Boolean for one item: true only when it evaluates to true.</summary>
    public static bool IsTrue(CompiledNode criteria, object item, int index, EvaluationContext context, string function) =>
        BooleanLogic.ToBoolean(Evaluate(criteria, item, index, context), context, function) == true;
}
