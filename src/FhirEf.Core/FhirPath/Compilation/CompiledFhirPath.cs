using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.FhirPath.Syntax;
using FhirEf.Core.Resources;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>
/// A FHIRPath expression compiled once into a tree of closures. Immutable and thread-safe: evaluate
/// it on any number of resources concurrently; each evaluation has its own context.
/// </summary>
public sealed class CompiledFhirPath
{
    private readonly CompiledNode _root;

    internal CompiledFhirPath(string expression, ExpressionNode syntax, CompiledNode root, bool isStrict)
    {
        Expression = expression;
        Syntax = syntax;
        _root = root;
        IsStrict = isStrict;
    }

    public string Expression { get; }

    /// <summary>The parsed expression.</summary>
    public ExpressionNode Syntax { get; }

    /// <summary>Whether it was compiled, and is evaluated, in strict mode (see <see cref="FhirPathCompiler.IsStrict"/>).</summary>
    public bool IsStrict { get; }

    /// <summary>Evaluates the expression with <paramref name="input"/> (usually a resource) as its context.</summary>
    public FhirPathCollection Evaluate(ElementNode input, FhirPathEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Evaluate(FhirPathCollection.Of(input), options);
    }

    /// <summary>Evaluates the expression on a collection (empty for expressions that need no input).</summary>
    public FhirPathCollection Evaluate(FhirPathCollection input, FhirPathEvaluationOptions? options = null)
    {
        var context = EvaluationContext.Rent(input, options ?? FhirPathEvaluationOptions.Default, IsStrict);
        try
        {
            return _root(input, context);
        }
        catch (Exception e) when (e is not FhirPathException and not OutOfMemoryException)
        {
            // A safety net at the public boundary: callers only ever see the engine's typed errors.
            throw new FhirPathEvaluationException($"Evaluating '{Expression}' failed: {e.Message}", e);
        }
        finally
        {
            EvaluationContext.Return(context);
        }
    }

    public override string ToString() => Expression;
}
