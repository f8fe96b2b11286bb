using System.Globalization;
using System.Text;

namespace FhirEf.Core.Indexing.Text;

/// <summary>
/// Case- and accent-insensitive matching for string search (R4 search §3.1.1.4.7: "the search is
/// case-insensitive and accent-insensitive"): lower-case, decomposed, combining marks removed,
/// runs of whitespace collapsed. Applied to stored values and search input alike.
/// </summary>
public static class TextFolding
{
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsFolded(value))
        {
            return value;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Fast path: plain lower-case ASCII with single spaces needs no work.</summary>
    private static bool IsFolded(string value)
    {
        var previousSpace = true;
        foreach (var c in value)
        {
            if (c > 127 || char.IsUpper(c) || (c == ' ' && previousSpace) || (char.IsWhiteSpace(c) && c != ' '))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return !previousSpace || value.Length == 0;
    }
}
