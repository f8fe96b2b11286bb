using System.Text;

namespace FhirEf.Core.Indexing.Text;

/// <summary>
/// Splits text into the folded terms of <c>_text</c>/<c>_content</c> search: maximal runs of letters
/// and digits. Documents and queries go through this same code, so they always agree (PostgreSQL's
/// own parser never sees the text).
/// </summary>
public static class FullTextTerms
{
    /// <summary>PostgreSQL refuses lexemes of 2 KB or more.</summary>
    public const int MaxTermBytes = 2046;

    /// <summary>A tsvector must stay under 1 MB; this many distinct terms keeps far below it.</summary>
    public const int MaxTerms = 20_000;

    public static IReadOnlyList<string> Split(string? text, bool distinct = true)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var terms = new List<string>();
        var seen = distinct ? new HashSet<string>(StringComparer.Ordinal) : null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var term = TextFolding.Fold(text[start..i]);
                start = -1;
                if (term.Length == 0 || Encoding.UTF8.GetByteCount(term) > MaxTermBytes || (seen is not null && !seen.Add(term)))
                {
                    continue;
                }

                terms.Add(term);
                if (terms.Count == MaxTerms)
                {
                    break;
                }
            }
        }

        return terms;
    }
}
