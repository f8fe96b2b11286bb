namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// The lexical categories of FHIRPath. Keywords (<c>and</c>, <c>div</c>, <c>true</c> …) are lexed as
/// <see cref="Identifier"/> and recognised by the parser from their position, because the grammar lets
/// several of them double as identifiers.
/// </summary>
internal enum TokenKind
{
    EndOfInput,
    Identifier,
    DelimitedIdentifier,
    String,
    Number,
    Date,
    DateTime,
    Time,
    SpecialVariable,
    Percent,
    Dot,
    Comma,
    OpenParenthesis,
    CloseParenthesis,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    Plus,
    Minus,
    Star,
    Slash,
    Ampersand,
    Pipe,
    Equal,
    NotEqual,
    Equivalent,
    NotEquivalent,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
