using FhirEf.Core.Search.Expressions;

namespace FhirEf.Core.Search.Rewriting;

/// <summary>
/// <c>And(a, And(b, c))</c> → <c>And(a, b, c)</c>, likewise for Or; a single-operand And/Or becomes its
/// operand; <c>Not(Not(x))</c> → <c>x</c>. Keeps the SQL flat and readable.
/// </summary>
public sealed class FlattenLogicalRewriter : SearchExpressionRewriter
{
    public static FlattenLogicalRewriter Instance { get; } = new();

    public override SearchExpression Visit(AndExpression expression)
    {
        var operands = expression.Operands.Select(Rewrite).SelectMany(o => o is AndExpression and ? and.Operands : [o]).ToList();
        return operands.Count == 1 ? operands[0] : new AndExpression(operands);
    }

    public override SearchExpression Visit(OrExpression expression)
    {
        var operands = expression.Operands.Select(Rewrite).SelectMany(o => o is OrExpression or ? or.Operands : [o]).ToList();
        return operands.Count == 1 ? operands[0] : new OrExpression(operands);
    }

    public override SearchExpression Visit(NotExpression expression)
    {
        var operand = Rewrite(expression.Operand);
        return operand is NotExpression inner ? inner.Operand : new NotExpression(operand);
    }
}
