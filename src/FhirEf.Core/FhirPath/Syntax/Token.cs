namespace FhirEf.Core.FhirPath.Syntax;

/// <summary>
/// One lexical token. <see cref="Text"/> is the source text, except for strings and delimited
/// identifiers, where it is the unescaped value; <see cref="Position"/> is its zero-based offset.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == TokenKind.Identifier && string.Equals(Text, word, StringComparison.Ordinal);
}
