namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// Parses FHIRPath text into an immutable syntax tree (FHIRPath N1 grammar, fhirpath.g4), by
/// precedence climbing over the operator table of §Operator precedence. Errors are
/// <see cref="FhirPathSyntaxException"/>s with the offending position; nesting deeper than
/// <see cref="MaxNestingDepth"/> is refused so hostile input cannot exhaust the stack.
/// </summary>
public sealed class FhirPathParser
{
    /// <summary>The deepest nesting of parentheses, arguments, indexers and prefix operators accepted.</summary>
    public const int MaxNestingDepth = 100;

    private static readonly HashSet<string> CalendarKeywords = new(StringComparer.Ordinal)
    {
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    };

    // Keywords that cannot start a term (as, is, in and contains may: the grammar lets them be identifiers).
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "and", "or", "xor", "implies", "div", "mod",
    };

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private FhirPathParser(string text)
    {
        _text = text;
        _tokens = FhirPathLexer.Tokenize(text);
    }

    public static ExpressionNode Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new FhirPathParser(expression);
        if (parser.Current.Kind == TokenKind.EndOfInput)
        {
            throw new FhirPathSyntaxException("the expression is empty", expression, 0);
        }

        var result = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.EndOfInput)
        {
            throw parser.Error($"unexpected {Describe(parser.Current)} after a complete expression");
        }

        return result;
    }

    private Token Current => _tokens[_index];

    private Token PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private ExpressionNode ParseExpression(int minimumPrecedence)
    {
        Enter();
        var left = ParseUnary();
        while (TryGetBinaryOperator(Current, out var precedence, out var binary, out var typeOperator) && precedence >= minimumPrecedence)
        {
            var operatorToken = Current;
            _index++;
            if (typeOperator is { } type)
            {
                left = new TypeOperationExpression(type, left, ParseTypeSpecifier(), operatorToken.Position);
                continue;
            }

            var right = ParseExpression(precedence + 1);
            left = new BinaryExpression(binary, left, right, operatorToken.Position);
        }

        _depth--;
        return left;
    }

    private ExpressionNode ParseUnary()
    {
        var token = Current;
        if (token.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            Enter();
            _index++;
            var operand = ParseUnary();
            _depth--;
            return new UnaryExpression(token.Kind == TokenKind.Plus ? UnaryOperator.Plus : UnaryOperator.Minus, operand, token.Position);
        }

        return ParsePostfix();
    }

    private ExpressionNode ParsePostfix()
    {
        var expression = ParseTerm();
        while (true)
        {
            if (Current.Kind == TokenKind.Dot)
            {
                _index++;
                expression = ParseInvocation(expression);
            }
            else if (Current.Kind == TokenKind.OpenBracket)
            {
                var open = Current;
                _index++;
                var index = ParseExpression(0);
                Expect(TokenKind.CloseBracket, "']' to close the indexer");
                expression = new IndexerExpression(expression, index, open.Position);
            }
            else
            {
                return expression;
            }
        }
    }

    private ExpressionNode ParseInvocation(ExpressionNode target)
    {
        var token = Current;
        if (token.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            _index++;
            if (token.Kind == TokenKind.Identifier && Current.Kind == TokenKind.OpenParenthesis)
            {
                return ParseFunctionCall(target, token);
            }

            return new MemberExpression(target, token.Text, token.Position);
        }

        if (token.Kind == TokenKind.SpecialVariable)
        {
            throw Error($"{token.Text} cannot follow '.'");
        }

        throw Error($"expected a member or function name after '.', found {Describe(token)}");
    }

    private ExpressionNode ParseTerm()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParenthesis:
            {
                _index++;
                var inner = ParseExpression(0);
                Expect(TokenKind.CloseParenthesis, "')' to close the parenthesis");
                return inner;
            }

            case TokenKind.OpenBrace:
                _index++;
                Expect(TokenKind.CloseBrace, "'}': only the empty collection { } can be written with braces");
                return new EmptyExpression(token.Position);
            case TokenKind.String:
                _index++;
                return new LiteralExpression(LiteralKind.String, token.Text, token.Position);
            case TokenKind.Number:
                _index++;
                return ParseNumberOrQuantity(token);
            case TokenKind.Date:
                _index++;
                return new LiteralExpression(LiteralKind.Date, token.Text, token.Position);
            case TokenKind.DateTime:
                _index++;
                return new LiteralExpression(LiteralKind.DateTime, token.Text, token.Position);
            case TokenKind.Time:
                _index++;
                return new LiteralExpression(LiteralKind.Time, token.Text, token.Position);
            case TokenKind.Percent:
                return ParseEnvironmentVariable();
            case TokenKind.SpecialVariable:
                _index++;
                return token.Text switch
                {
                    "$this" => new SpecialVariableExpression(SpecialVariable.This, token.Position),
                    "$index" => new SpecialVariableExpression(SpecialVariable.Index, token.Position),
                    "$total" => new SpecialVariableExpression(SpecialVariable.Total, token.Position),
                    _ => throw new FhirPathSyntaxException($"unknown special variable {token.Text}; expected $this, $index or $total", _text, token.Position),
                };
            case TokenKind.DelimitedIdentifier:
                _index++;
                return new IdentifierExpression(token.Text, token.Position);
            case TokenKind.Identifier:
                _index++;
                if (token.Text is "true" or "false")
                {
                    return new LiteralExpression(LiteralKind.Boolean, token.Text, token.Position);
                }

                if (Current.Kind == TokenKind.OpenParenthesis)
                {
                    return ParseFunctionCall(null, token);
                }

                if (ReservedWords.Contains(token.Text))
                {
                    throw new FhirPathSyntaxException($"'{token.Text}' is an operator and cannot start an expression (write `{token.Text}` for an element of that name)", _text, token.Position);
                }

                return new IdentifierExpression(token.Text, token.Position);
            case TokenKind.EndOfInput:
                throw Error("the expression ends where an operand was expected");
            default:
                throw Error($"unexpected {Describe(token)} where an operand was expected");
        }
    }

    private ExpressionNode ParseNumberOrQuantity(Token number)
    {
        var next = Current;
        if (next.Kind == TokenKind.String)
        {
            _index++;
            return new QuantityLiteralExpression(number.Text, next.Text, IsCalendarKeyword: false, number.Position);
        }

        if (next.Kind == TokenKind.Identifier && CalendarKeywords.Contains(next.Text))
        {
            _index++;
            return new QuantityLiteralExpression(number.Text, next.Text, IsCalendarKeyword: true, number.Position);
        }

        var kind = number.Text.Contains('.', StringComparison.Ordinal) ? LiteralKind.Decimal : LiteralKind.Integer;
        return new LiteralExpression(kind, number.Text, number.Position);
    }

    private ExpressionNode ParseEnvironmentVariable()
    {
        var percent = Current;
        _index++;
        var name = Current;
        if (name.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier or TokenKind.String)
        {
            _index++;
            return new EnvironmentVariableExpression(name.Text, percent.Position);
        }

        throw Error($"expected a variable name after '%', found {Describe(name)}");
    }

    private FunctionCallExpression ParseFunctionCall(ExpressionNode? target, Token name)
    {
        Enter();
        Expect(TokenKind.OpenParenthesis, "'('");
        var arguments = new List<ExpressionNode>();
        if (Current.Kind != TokenKind.CloseParenthesis)
        {
            while (true)
            {
                arguments.Add(ParseExpression(0));
                if (Current.Kind == TokenKind.Comma)
                {
                    _index++;
                    continue;
                }

                break;
            }
        }

        Expect(TokenKind.CloseParenthesis, $"')' to close the arguments of {name.Text}()");
        _depth--;
        return new FunctionCallExpression(target, name.Text, arguments, name.Position);
    }

    private TypeSpecifier ParseTypeSpecifier()
    {
        var first = Current;
        if (first.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
        {
            throw Error($"expected a type name, found {Describe(first)}");
        }

        _index++;
        if (Current.Kind == TokenKind.Dot && PeekToken(1).Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier
            && PeekToken(2).Kind != TokenKind.OpenParenthesis)
        {
            _index++;
            var second = Current;
            _index++;
            return new TypeSpecifier(first.Text, second.Text);
        }

        return new TypeSpecifier(null, first.Text);
    }

    private static bool TryGetBinaryOperator(Token token, out int precedence, out BinaryOperator binary, out TypeOperator? typeOperator)
    {
        typeOperator = null;
        (precedence, binary) = token.Kind switch
        {
            TokenKind.Star => (10, BinaryOperator.Multiply),
            TokenKind.Slash => (10, BinaryOperator.Divide),
            TokenKind.Plus => (9, BinaryOperator.Add),
            TokenKind.Minus => (9, BinaryOperator.Subtract),
            TokenKind.Ampersand => (9, BinaryOperator.Concatenate),
            TokenKind.Pipe => (7, BinaryOperator.Union),
            TokenKind.Less => (6, BinaryOperator.Less),
            TokenKind.LessOrEqual => (6, BinaryOperator.LessOrEqual),
            TokenKind.Greater => (6, BinaryOperator.Greater),
            TokenKind.GreaterOrEqual => (6, BinaryOperator.GreaterOrEqual),
            TokenKind.Equal => (5, BinaryOperator.Equal),
            TokenKind.NotEqual => (5, BinaryOperator.NotEqual),
            TokenKind.Equivalent => (5, BinaryOperator.Equivalent),
            TokenKind.NotEquivalent => (5, BinaryOperator.NotEquivalent),
            TokenKind.Identifier => token.Text switch
            {
                "div" => (10, BinaryOperator.Div),
                "mod" => (10, BinaryOperator.Mod),
                "in" => (4, BinaryOperator.In),
                "contains" => (4, BinaryOperator.Contains),
                "and" => (3, BinaryOperator.And),
                "or" => (2, BinaryOperator.Or),
                "xor" => (2, BinaryOperator.Xor),
                "implies" => (1, BinaryOperator.Implies),
                _ => (-1, default),
            },
            _ => (-1, default),
        };

        if (token.IsWord("is") || token.IsWord("as"))
        {
            precedence = 8;
            typeOperator = token.Text == "is" ? TypeOperator.Is : TypeOperator.As;
        }

        return precedence > 0;
    }

    private void Enter()
    {
        if (++_depth > MaxNestingDepth)
        {
            throw Error($"the expression nests more than {MaxNestingDepth} levels deep");
        }
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error($"expected {what}, found {Describe(Current)}");
        }

        _index++;
    }

    private FhirPathSyntaxException Error(string reason) => new(reason, _text, Current.Position);

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.EndOfInput => "the end of the expression",
        TokenKind.String => $"the string '{token.Text}'",
        _ => $"'{token.Text}'",
    };
}
