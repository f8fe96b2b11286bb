using System.Text;

namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// Writes a syntax tree back as FHIRPath with every operator parenthesised, so the structure the
/// parser chose (precedence, associativity) is visible in error messages, traces and tests.
/// </summary>
internal sealed class ExpressionFormatter : IExpressionVisitor<string>
{
    public static readonly ExpressionFormatter Instance = new();

    private ExpressionFormatter()
    {
    }

    public string VisitLiteral(LiteralExpression node) => node.Kind switch
    {
        LiteralKind.String => Quote(node.Text, '\''),
        LiteralKind.Date or LiteralKind.DateTime => "@" + node.Text,
        LiteralKind.Time => "@T" + node.Text,
        _ => node.Text,
    };

    public string VisitQuantityLiteral(QuantityLiteralExpression node) =>
        node.IsCalendarKeyword ? $"{node.Number} {node.Unit}" : $"{node.Number} {Quote(node.Unit, '\'')}";

    public string VisitEmpty(EmptyExpression node) => "{}";

    public string VisitIdentifier(IdentifierExpression node) => Identifier(node.Name);

    public string VisitMember(MemberExpression node) => $"{node.Target.Accept(this)}.{Identifier(node.Name)}";

    public string VisitFunctionCall(FunctionCallExpression node)
    {
        var call = new StringBuilder();
        if (node.Target is not null)
        {
            call.Append(node.Target.Accept(this)).Append('.');
        }

        call.Append(node.Name).Append('(');
        for (var i = 0; i < node.Arguments.Count; i++)
        {
            call.Append(i == 0 ? string.Empty : ", ").Append(node.Arguments[i].Accept(this));
        }

        return call.Append(')').ToString();
    }

    public string VisitIndexer(IndexerExpression node) => $"{node.Target.Accept(this)}[{node.Index.Accept(this)}]";

    public string VisitSpecialVariable(SpecialVariableExpression node) => node.Variable switch
    {
        SpecialVariable.This => "$this",
        SpecialVariable.Index => "$index",
        _ => "$total",
    };

    public string VisitEnvironmentVariable(EnvironmentVariableExpression node) => "%" + Identifier(node.Name);

    public string VisitUnary(UnaryExpression node) => (node.Operator == UnaryOperator.Minus ? "-" : "+") + node.Operand.Accept(this);

    public string VisitBinary(BinaryExpression node) => $"({node.Left.Accept(this)} {Symbol(node.Operator)} {node.Right.Accept(this)})";

    public string VisitTypeOperation(TypeOperationExpression node) =>
        $"({node.Operand.Accept(this)} {(node.Operator == TypeOperator.Is ? "is" : "as")} {node.Type})";

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Div => "div",
        BinaryOperator.Mod => "mod",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Concatenate => "&",
        BinaryOperator.Union => "|",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Equivalent => "~",
        BinaryOperator.NotEquivalent => "!~",
        BinaryOperator.In => "in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        BinaryOperator.Xor => "xor",
        _ => "implies",
    };

    private static string Identifier(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return Quote(name, '`');
            }
        }

        return name.Length > 0 && !char.IsAsciiDigit(name[0]) ? name : Quote(name, '`');
    }

    private static string Quote(string text, char quote)
    {
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        foreach (var c in text)
        {
            if (c == quote || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append(quote).ToString();
    }
}
