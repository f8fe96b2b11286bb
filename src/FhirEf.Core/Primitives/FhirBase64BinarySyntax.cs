using System.Buffers;

namespace FhirEf.Core.Primitives;

/// <summary>
/// <c>base64Binary</c>: R4 regex <c>(\s*([0-9a-zA-Z\+/=]){4}\s*)+</c>, that is groups of four base64
/// characters with optional whitespace (space, tab, CR, LF) between groups, and, beyond the regex,
/// decodable base64: "=" only as one or two padding characters at the very end. Runs of base64
/// characters are skipped vectorised, so megabyte attachments cost little.
/// </summary>
public static class FhirBase64BinarySyntax
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Whitespace = " \t\r\n";

    private static readonly SearchValues<char> AlphabetChars = SearchValues.Create(Alphabet);
    private static readonly SearchValues<char> WhitespaceChars = SearchValues.Create(Whitespace);
    private static readonly SearchValues<byte> AlphabetBytes = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);
    private static readonly SearchValues<byte> WhitespaceBytes = SearchValues.Create(" \t\r\n"u8);

    public static bool IsValid(ReadOnlySpan<char> text) => IsValid(text, AlphabetChars, WhitespaceChars, '=');

    /// <summary>The same check on UTF-8 text (a JSON string's bytes without escapes).</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> utf8Text) => IsValid(utf8Text, AlphabetBytes, WhitespaceBytes, (byte)'=');

    private static bool IsValid<T>(ReadOnlySpan<T> text, SearchValues<T> alphabet, SearchValues<T> whitespace, T padding)
        where T : IEquatable<T>
    {
        long characters = 0;
        var paddingCount = 0;
        var position = 0;
        while (position < text.Length)
        {
            var run = text[position..].IndexOfAnyExcept(alphabet);
            run = run < 0 ? text.Length - position : run;
            if (run > 0)
            {
                if (paddingCount > 0)
                {
                    return false;
                }

                characters += run;
                position += run;
                continue;
            }

            var c = text[position++];
            if (whitespace.Contains(c))
            {
                if (characters % 4 != 0)
                {
                    return false;
                }
            }
            else if (c.Equals(padding))
            {
                paddingCount++;
                characters++;
            }
            else
            {
                return false;
            }
        }

        return characters > 0 && characters % 4 == 0 && paddingCount <= 2;
    }
}
