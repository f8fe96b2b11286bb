using System.Globalization;
using System.Text;

namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// Splits a FHIRPath expression into tokens (FHIRPath N1 §Lexical Elements): skips whitespace and
/// <c>//</c> and <c>/* */</c> comments, unescapes strings and delimited identifiers, and recognises
/// date, dateTime and time literals with the grammar's exact shapes.
/// </summary>
internal sealed class FhirPathLexer
{
    private readonly string _text;
    private int _position;

    private FhirPathLexer(string text)
    {
        _text = text;
    }

    public static List<Token> Tokenize(string expression)
    {
        var lexer = new FhirPathLexer(expression);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfInput);

        return tokens;
    }

    private Token Next()
    {
        SkipWhitespaceAndComments();
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.EndOfInput, string.Empty, _text.Length);
        }

        var start = _position;
        var c = _text[_position];
        switch (c)
        {
            case '\'':
                return new Token(TokenKind.String, ReadQuoted('\'', "string"), start);
            case '`':
                return new Token(TokenKind.DelimitedIdentifier, ReadQuoted('`', "delimited identifier"), start);
            case '@':
                return ReadDateTimeLiteral();
            case '$':
                _position++;
                if (_position < _text.Length && IsIdentifierStart(_text[_position]))
                {
                    ReadIdentifierChars();
                    return new Token(TokenKind.SpecialVariable, _text[start.._position], start);
                }

                throw Error("'$' must be followed by this, index or total", start);
            case '%':
                return Single(TokenKind.Percent);
            case '.':
                return Single(TokenKind.Dot);
            case ',':
                return Single(TokenKind.Comma);
            case '(':
                return Single(TokenKind.OpenParenthesis);
            case ')':
                return Single(TokenKind.CloseParenthesis);
            case '[':
                return Single(TokenKind.OpenBracket);
            case ']':
                return Single(TokenKind.CloseBracket);
            case '{':
                return Single(TokenKind.OpenBrace);
            case '}':
                return Single(TokenKind.CloseBrace);
            case '+':
                return Single(TokenKind.Plus);
            case '-':
                return Single(TokenKind.Minus);
            case '*':
                return Single(TokenKind.Star);
            case '/':
                return Single(TokenKind.Slash);
            case '&':
                return Single(TokenKind.Ampersand);
            case '|':
                return Single(TokenKind.Pipe);
            case '=':
                return Single(TokenKind.Equal);
            case '~':
                return Single(TokenKind.Equivalent);
            case '!':
                if (Peek(1) == '=')
                {
                    return Double(TokenKind.NotEqual);
                }

                if (Peek(1) == '~')
                {
                    return Double(TokenKind.NotEquivalent);
                }

                throw Error("'!' must be followed by '=' or '~'", start);
            case '<':
                return Peek(1) == '=' ? Double(TokenKind.LessOrEqual) : Single(TokenKind.Less);
            case '>':
                return Peek(1) == '=' ? Double(TokenKind.GreaterOrEqual) : Single(TokenKind.Greater);
        }

        if (IsDigit(c))
        {
            ReadDigits();
            if (Peek(0) == '.' && IsDigit(Peek(1)))
            {
                _position++;
                ReadDigits();
            }

            return new Token(TokenKind.Number, _text[start.._position], start);
        }

        if (IsIdentifierStart(c))
        {
            ReadIdentifierChars();
            return new Token(TokenKind.Identifier, _text[start.._position], start);
        }

        throw Error($"unexpected character '{c}'", start);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n' || char.IsWhiteSpace(c))
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error("the comment started here is not closed with '*/'", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private string ReadQuoted(char quote, string what)
    {
        var start = _position;
        _position++;
        StringBuilder? builder = null;
        var segmentStart = _position;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error($"the {what} started here is not closed with {quote}", start);
            }

            var c = _text[_position];
            if (c == quote)
            {
                var last = _text[segmentStart.._position];
                _position++;
                return builder is null ? last : builder.Append(last).ToString();
            }

            if (c != '\\')
            {
                _position++;
                continue;
            }

            builder ??= new StringBuilder();
            builder.Append(_text, segmentStart, _position - segmentStart);
            _position++;
            if (_position >= _text.Length)
            {
                throw Error($"the {what} started here is not closed with {quote}", start);
            }

            var escaped = _text[_position];
            _position++;
            switch (escaped)
            {
                case 'r':
                    builder.Append('\r');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    // \' \" \` \\ \/ give the character itself; the spec ignores a backslash before any other character.
                    builder.Append(escaped);
                    break;
            }

            segmentStart = _position;
        }
    }

    /// <summary>
    /// <c>@YYYY(-MM(-DD)?)?</c> is a Date; the same followed by <c>T</c> and an optional
    /// <c>hh(:mm(:ss(.f+)?)?)?</c> and offset (<c>Z</c> or <c>±hh:mm</c>) is a DateTime;
    /// <c>@Thh(:mm(:ss(.f+)?)?)?</c> is a Time.
    /// </summary>
    private Token ReadDateTimeLiteral()
    {
        var start = _position;
        _position++;
        if (Peek(0) == 'T')
        {
            _position++;
            if (!TryReadTime())
            {
                throw Error("a time literal needs at least an hour: @Thh(:mm(:ss(.fff)?)?)?", start);
            }

            return new Token(TokenKind.Time, _text[(start + 2).._position], start);
        }

        if (!TryReadFixedDigits(4))
        {
            throw Error("a date literal needs a four-digit year: @YYYY(-MM(-DD)?)?", start);
        }

        if (Peek(0) == '-' && IsDigit(Peek(1)))
        {
            _position++;
            if (!TryReadFixedDigits(2))
            {
                throw Error("the month of a date literal has two digits", start);
            }

            if (Peek(0) == '-' && IsDigit(Peek(1)))
            {
                _position++;
                if (!TryReadFixedDigits(2))
                {
                    throw Error("the day of a date literal has two digits", start);
                }
            }
        }

        if (Peek(0) != 'T')
        {
            return new Token(TokenKind.Date, _text[(start + 1).._position], start);
        }

        _position++;
        if (TryReadTime())
        {
            TryReadTimeZone();
        }

        return new Token(TokenKind.DateTime, _text[(start + 1).._position], start);
    }

    private bool TryReadTime()
    {
        if (!TryReadFixedDigits(2))
        {
            return false;
        }

        if (Peek(0) == ':' && IsDigit(Peek(1)) && IsDigit(Peek(2)))
        {
            _position += 3;
            if (Peek(0) == ':' && IsDigit(Peek(1)) && IsDigit(Peek(2)))
            {
                _position += 3;
                if (Peek(0) == '.' && IsDigit(Peek(1)))
                {
                    _position++;
                    ReadDigits();
                }
            }
        }

        return true;
    }

    private void TryReadTimeZone()
    {
        if (Peek(0) == 'Z')
        {
            _position++;
        }
        else if (Peek(0) is '+' or '-' && IsDigit(Peek(1)) && IsDigit(Peek(2)) && Peek(3) == ':' && IsDigit(Peek(4)) && IsDigit(Peek(5)))
        {
            _position += 6;
        }
    }

    private bool TryReadFixedDigits(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!IsDigit(Peek(i)))
            {
                return false;
            }
        }

        _position += count;
        return true;
    }

    private void ReadDigits()
    {
        while (_position < _text.Length && IsDigit(_text[_position]))
        {
            _position++;
        }
    }

    private void ReadIdentifierChars()
    {
        while (_position < _text.Length && (IsIdentifierStart(_text[_position]) || IsDigit(_text[_position])))
        {
            _position++;
        }
    }

    private Token Single(TokenKind kind)
    {
        var token = new Token(kind, _text.Substring(_position, 1), _position);
        _position++;
        return token;
    }

    private Token Double(TokenKind kind)
    {
        var token = new Token(kind, _text.Substring(_position, 2), _position);
        _position += 2;
        return token;
    }

    private char Peek(int ahead) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private FhirPathSyntaxException Error(string reason, int position) => new(reason, _text, position);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
}
