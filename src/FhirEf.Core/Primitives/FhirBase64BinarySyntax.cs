namespace FhirEf.Core.Primitives;

/// <summary>
/// <c>base64Binary</c>: R4 regex <c>(\s*([0-9a-zA-Z\+/=]){4}\s*)+</c>, that is groups of four base64
/// characters with optional whitespace (space, tab, CR, LF) between groups, and, beyond the regex,
/// decodable base64: "=" only as one or two padding characters at the very end.
/// </summary>
public static class FhirBase64BinarySyntax
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var inGroup = 0;
        var characters = 0;
        var padding = 0;
        foreach (var c in text)
        {
            if (FhirStringSyntax.IsXmlWhitespace(c))
            {
                if (inGroup != 0)
                {
                    return false;
                }

                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return false;
            }

            characters++;
            inGroup = (inGroup + 1) % 4;
        }

        return characters > 0 && inGroup == 0 && padding <= 2;
    }
}
