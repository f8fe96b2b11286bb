using FhirEf.Core.FhirPath.Evaluation;
using FhirEf.Core.FhirPath.Functions;
using FhirEf.Core.FhirPath.Syntax;

namespace FhirEf.Core.FhirPath.Compilation;

/// <summary>The operators (FHIRPath N1 §Operations).</summary>
internal sealed partial class ExpressionCompiler
{
    public CompiledNode VisitUnary(UnaryExpression node)
    {
        var operand = Compile(node.Operand);
        if (node.Operator == UnaryOperator.Plus)
        {
            return operand;
        }

        if (node.Operand is LiteralExpression { Kind: LiteralKind.Integer or LiteralKind.Decimal } or QuantityLiteralExpression)
        {
            // Fold the sign into a numeric literal once: -5 is a constant, not an operation.
            var constant = Negate(operand(FhirPathCollection.Empty, null!));
            return (_, _) => constant;
        }

        return (focus, context) => Negate(operand(focus, context));
    }

    public CompiledNode VisitBinary(BinaryExpression node)
    {
        if (node.Operator == BinaryOperator.Union)
        {
            return CompileUnion(node);
        }

        var left = Compile(node.Left);
        var right = Compile(node.Right);
        var symbol = ExpressionFormatter.Symbol(node.Operator);
        return node.Operator switch
        {
            BinaryOperator.And => (focus, context) => BooleanLogic.ToCollection(BooleanLogic.And(
                BooleanLogic.ToBoolean(left(focus, context), context, "and"), BooleanLogic.ToBoolean(right(focus, context), context, "and"))),
            BinaryOperator.Or => (focus, context) => BooleanLogic.ToCollection(BooleanLogic.Or(
                BooleanLogic.ToBoolean(left(focus, context), context, "or"), BooleanLogic.ToBoolean(right(focus, context), context, "or"))),
            BinaryOperator.Xor => (focus, context) => BooleanLogic.ToCollection(BooleanLogic.Xor(
                BooleanLogic.ToBoolean(left(focus, context), context, "xor"), BooleanLogic.ToBoolean(right(focus, context), context, "xor"))),
            BinaryOperator.Implies => (focus, context) =>
            {
                // The specification allows implies to skip its right operand when the left is false.
                var condition = BooleanLogic.ToBoolean(left(focus, context), context, "implies");
                return condition == false
                    ? FhirPathCollection.True
                    : BooleanLogic.ToCollection(BooleanLogic.Implies(condition, BooleanLogic.ToBoolean(right(focus, context), context, "implies")));
            },
            BinaryOperator.Equal => (focus, context) => BooleanLogic.ToCollection(Equality.CollectionsEqual(left(focus, context), right(focus, context))),
            BinaryOperator.NotEqual => (focus, context) => BooleanLogic.ToCollection(!Equality.CollectionsEqual(left(focus, context), right(focus, context))),
            BinaryOperator.Equivalent => (focus, context) => FhirPathCollection.Of(Equality.CollectionsEquivalent(left(focus, context), right(focus, context))),
            BinaryOperator.NotEquivalent => (focus, context) => FhirPathCollection.Of(!Equality.CollectionsEquivalent(left(focus, context), right(focus, context))),
            BinaryOperator.Less => Compare(left, right, symbol, static order => order < 0),
            BinaryOperator.LessOrEqual => Compare(left, right, symbol, static order => order <= 0),
            BinaryOperator.Greater => Compare(left, right, symbol, static order => order > 0),
            BinaryOperator.GreaterOrEqual => Compare(left, right, symbol, static order => order >= 0),
            BinaryOperator.In => (focus, context) => Membership(left(focus, context), right(focus, context), "in"),
            BinaryOperator.Contains => (focus, context) => Membership(right(focus, context), left(focus, context), "contains"),
            BinaryOperator.Concatenate => (focus, context) => FhirPathCollection.Of(
                (Singletons.String(left(focus, context), "&") ?? string.Empty) + (Singletons.String(right(focus, context), "&") ?? string.Empty)),
            BinaryOperator.Add => Math(left, right, symbol, Arithmetic.Add),
            BinaryOperator.Subtract => Math(left, right, symbol, Arithmetic.Subtract),
            BinaryOperator.Multiply => Math(left, right, symbol, Arithmetic.Multiply),
            BinaryOperator.Divide => Math(left, right, symbol, Arithmetic.Divide),
            BinaryOperator.Div => Math(left, right, symbol, Arithmetic.Div),
            _ => Math(left, right, symbol, Arithmetic.Mod),
        };
    }

    /// <summary>
    /// A chain <c>a | b | c | …</c> as one operation: every operand evaluated, the results combined and
    /// made distinct once, instead of once per <c>|</c>. R4 search parameters are unions of up to 32 paths.
    /// </summary>
    private CompiledNode CompileUnion(BinaryExpression node)
    {
        var operands = new List<ExpressionNode>();
        var pending = new Stack<ExpressionNode>();
        pending.Push(node);
        while (pending.TryPop(out var current))
        {
            if (current is BinaryExpression { Operator: BinaryOperator.Union } union)
            {
                pending.Push(union.Right);
                pending.Push(union.Left);
            }
            else
            {
                operands.Add(current);
            }
        }

        var compiled = new CompiledNode[operands.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = Compile(operands[i]);
        }

        return (focus, context) =>
        {
            var builder = new CollectionBuilder();
            foreach (var operand in compiled)
            {
                builder.AddRange(operand(focus, context));
            }

            return ExistenceFunctions.Distinct(builder.ToCollection());
        };
    }

    private static FhirPathCollection Negate(FhirPathCollection operand) =>
        Singletons.Value(operand, "Unary minus") is { } value ? Singletons.Of(Arithmetic.Negate(value)) : FhirPathCollection.Empty;

    private static CompiledNode Compare(CompiledNode left, CompiledNode right, string symbol, Func<int, bool> test) => (focus, context) =>
    {
        var l = Singletons.Item(left(focus, context), symbol);
        var r = Singletons.Item(right(focus, context), symbol);
        return l is null || r is null || Comparison.Compare(l, r) is not { } order ? FhirPathCollection.Empty : FhirPathCollection.Of(test(order));
    };

    private static CompiledNode Math(CompiledNode left, CompiledNode right, string symbol, Func<object, object, object?> operation) => (focus, context) =>
    {
        var l = Singletons.Value(left(focus, context), symbol);
        var r = Singletons.Value(right(focus, context), symbol);
        return l is null || r is null ? FhirPathCollection.Empty : Singletons.Of(operation(l, r));
    };

    /// <summary><c>item in collection</c>: empty when the item is empty, false when the collection is.</summary>
    private static FhirPathCollection Membership(FhirPathCollection single, FhirPathCollection collection, string symbol) =>
        Singletons.Item(single, symbol) is { } item ? FhirPathCollection.Of(Equality.Contains(collection, item)) : FhirPathCollection.Empty;
}
