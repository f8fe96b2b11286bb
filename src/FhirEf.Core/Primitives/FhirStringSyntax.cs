using System.Buffers;

namespace FhirEf.Core.Primitives;

/// <summary>
/// Checks for the string-like R4 primitives. The regexes in profiles-types.json are XML Schema
/// regexes, where <c>\s</c> is only space, tab, CR and LF.
/// </summary>
public static class FhirStringSyntax
{
    /// <summary>R4 string.value maxLength: 1 MB of characters (1,048,576).</summary>
    public const int MaxStringLength = 1024 * 1024;

    /// <summary>R4 id regex: <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
    public const int MaxIdLength = 64;

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");

    private static readonly SearchValues<char> XmlWhitespace = SearchValues.Create(" \t\r\n");

    private static readonly SearchValues<char> ForbiddenControlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>
    /// Whether <paramref name="text"/> has characters below U+0020 other than tab, CR and LF. R4 says
    /// strings SHOULD NOT (R4 datatypes.html#string); FhirEf rejects them because XML 1.0 cannot carry them.
    /// </summary>
    public static bool ContainsForbiddenControlCharacter(ReadOnlySpan<char> text) => text.ContainsAny(ForbiddenControlCharacters);

    /// <summary>
    /// <c>string</c> and <c>markdown</c>: regex <c>[ \r\n\t\S]+</c> (one character or more), at most
    /// <see cref="MaxStringLength"/> characters (string.value maxLength), no forbidden control characters.
    /// </summary>
    public static bool IsValidString(ReadOnlySpan<char> text) =>
        !text.IsEmpty && text.Length <= MaxStringLength && !ContainsForbiddenControlCharacter(text);

    /// <summary>
    /// <c>code</c>: regex <c>[^\s]+(\s[^\s]+)*</c>: no leading or trailing whitespace and no two
    /// whitespace characters in a row (XML Schema whitespace: space, tab, CR, LF).
    /// </summary>
    public static bool IsValidCode(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || IsXmlWhitespace(text[0]) || IsXmlWhitespace(text[^1]))
        {
            return false;
        }

        for (var rest = text; rest.IndexOfAny(XmlWhitespace) is var index and >= 0; rest = rest[(index + 1)..])
        {
            // The last character is not whitespace, so one follows every whitespace found.
            if (IsXmlWhitespace(rest[index + 1]))
            {
                return false;
            }
        }

        return IsValidString(text);
    }

    /// <summary><c>id</c>: regex <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
    public static bool IsValidId(ReadOnlySpan<char> text) =>
        text.Length is >= 1 and <= MaxIdLength && !text.ContainsAnyExcept(IdCharacters);

    internal static bool IsXmlWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>Whether <paramref name="text"/> has XML Schema whitespace (space, tab, CR, LF).</summary>
    internal static bool ContainsXmlWhitespace(ReadOnlySpan<char> text) => text.ContainsAny(XmlWhitespace);
}
