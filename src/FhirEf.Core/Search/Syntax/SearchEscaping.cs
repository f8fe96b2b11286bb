using System.Text;

namespace FhirEf.Core.Search.Syntax;

/// <summary>
/// FHIR search escaping (R4 search §3.1.1.4.19): <c>\,</c> <c>\$</c> <c>\|</c> <c>\\</c> stand for the
/// literal characters; unescaped <c>,</c> separates OR values, <c>|</c> system and code, <c>$</c> composite components.
/// </summary>
public static class SearchEscaping
{
    /// <summary>Splits on unescaped <paramref name="separator"/>; parts keep their escapes.</summary>
    public static List<string> Split(string value, char separator)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        return parts;
    }

    /// <summary>The index of the first unescaped <paramref name="separator"/>, or -1.</summary>
    public static int IndexOfUnescaped(string value, char separator)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == separator)
            {
                return i;
            }
        }

        return -1;
    }

    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}
