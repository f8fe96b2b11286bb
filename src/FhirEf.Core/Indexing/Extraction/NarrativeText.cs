using System.Net;
using System.Text;
using System.Text.Json;

namespace FhirEf.Core.Indexing.Extraction;

/// <summary>
/// The text <c>_text</c> searches (R4 search §3.1.1.4.20: "search on the narrative of the resource"):
/// the resource's <c>text.div</c> with its markup removed — every tag and comment is a word break —
/// HTML entities decoded (<c>&amp;amp;</c>, <c>&amp;#233;</c>, <c>&amp;nbsp;</c>) and runs of whitespace
/// collapsed.
/// </summary>
internal static class NarrativeText
{
    public static string? Extract(JsonElement resource)
    {
        var div = JsonFields.String(JsonFields.Object(resource, "text"u8), "div"u8);
        return div is null ? null : StripMarkup(div);
    }

    /// <summary>The text of an XHTML fragment; null when it has none.</summary>
    public static string? StripMarkup(string xhtml)
    {
        ArgumentNullException.ThrowIfNull(xhtml);
        var text = new StringBuilder(xhtml.Length);
        var hasEntities = false;
        var i = 0;
        while (i < xhtml.Length)
        {
            var c = xhtml[i];
            if (c == '<')
            {
                i = SkipMarkup(xhtml, i);
                AppendSpace(text);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                AppendSpace(text);
            }
            else
            {
                hasEntities |= c == '&';
                text.Append(c);
            }

            i++;
        }

        var result = text.ToString().Trim();
        if (hasEntities)
        {
            result = WebUtility.HtmlDecode(result).Trim();
        }

        return result.Length == 0 ? null : result;
    }

    /// <summary>The index after the tag, comment or declaration that starts at <paramref name="start"/> (quoted attribute values may hold '&gt;').</summary>
    private static int SkipMarkup(string xhtml, int start)
    {
        if (xhtml.AsSpan(start).StartsWith("<!--", StringComparison.Ordinal))
        {
            var end = xhtml.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return end < 0 ? xhtml.Length : end + 3;
        }

        var quote = '\0';
        for (var i = start + 1; i < xhtml.Length; i++)
        {
            var c = xhtml[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return xhtml.Length;
    }

    private static void AppendSpace(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != ' ')
        {
            text.Append(' ');
        }
    }
}
