namespace FhirEf.Core.Primitives;

/// <summary>The R4 uri family, per the regexes of profiles-types.json (XML Schema <c>\s</c>: space, tab, CR, LF).</summary>
public static class FhirUriSyntax
{
    private const string OidPrefix = "urn:oid:";
    private const string UuidPrefix = "urn:uuid:";

    /// <summary>
    /// <c>uri</c>, <c>url</c> and <c>canonical</c>: regex <c>\S*</c>, no whitespace. FHIR JSON adds that
    /// the text is not empty; a canonical's <c>|version</c> suffix is part of the same syntax.
    /// </summary>
    public static bool IsValidUri(ReadOnlySpan<char> text) =>
        !text.IsEmpty && !FhirStringSyntax.ContainsXmlWhitespace(text) && !FhirStringSyntax.ContainsForbiddenControlCharacter(text);

    /// <summary><c>oid</c>: regex <c>urn:oid:[0-2](\.(0|[1-9][0-9]*))+</c>.</summary>
    public static bool IsValidOid(ReadOnlySpan<char> text)
    {
        if (!text.StartsWith(OidPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[OidPrefix.Length..];
        if (rest.Length < 3 || rest[0] is < '0' or > '2')
        {
            return false;
        }

        var position = 1;
        var arcs = 0;
        while (position < rest.Length)
        {
            if (rest[position++] != '.')
            {
                return false;
            }

            var start = position;
            while (position < rest.Length && char.IsAsciiDigit(rest[position]))
            {
                position++;
            }

            var arc = rest[start..position];
            if (arc.IsEmpty || (arc.Length > 1 && arc[0] == '0'))
            {
                return false;
            }

            arcs++;
        }

        return arcs > 0;
    }

    /// <summary><c>uuid</c>: regex <c>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}</c> (lower case only).</summary>
    public static bool IsValidUuid(ReadOnlySpan<char> text)
    {
        if (text.Length != UuidPrefix.Length + 36 || !text.StartsWith(UuidPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var uuid = text[UuidPrefix.Length..];
        for (var i = 0; i < uuid.Length; i++)
        {
            var valid = i is 8 or 13 or 18 or 23 ? uuid[i] == '-' : char.IsAsciiDigit(uuid[i]) || uuid[i] is >= 'a' and <= 'f';
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
