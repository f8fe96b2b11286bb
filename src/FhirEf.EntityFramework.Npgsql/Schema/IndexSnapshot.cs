using System.Text;
using FhirEf.EntityFramework.Npgsql.Sql;

namespace FhirEf.EntityFramework.Npgsql.Schema;

/// <summary>
/// An index (primary keys included), compared by <see cref="Definition"/>: method, keys with their
/// operator classes, uniqueness, INCLUDE columns and partial predicate, but not the name. An index
/// PostgreSQL marks invalid (a failed <c>CREATE INDEX CONCURRENTLY</c>) serves no query: its definition says so.
/// </summary>
public sealed record IndexSnapshot(
    string Name,
    string Method,
    IReadOnlyList<IndexKey> Keys,
    bool IsUnique,
    IReadOnlyList<string> Include,
    string? Predicate,
    bool IsValid = true)
{
    /// <summary>
    /// The name-free definition, e.g. <c>USING btree ("__version", "id") WHERE deleted = false</c>. The
    /// predicate is normalised the way PostgreSQL's <c>pg_get_expr</c> and EF's filters differ: without
    /// identifier quotes, surrounding parentheses and repeated white space.
    /// </summary>
    public string Definition
    {
        get
        {
            var text = new StringBuilder();
            if (IsUnique)
            {
                text.Append("UNIQUE ");
            }

            text.Append("USING ").Append(Method).Append(" (").AppendJoin(", ", Keys).Append(')');
            if (Include.Count > 0)
            {
                text.Append(" INCLUDE (").AppendJoin(", ", Include.Select(SqlIdentifier.Quote)).Append(')');
            }

            if (NormalizePredicate(Predicate) is { Length: > 0 } predicate)
            {
                text.Append(" WHERE ").Append(predicate);
            }

            if (!IsValid)
            {
                text.Append(" INVALID");
            }

            return text.ToString();
        }
    }

    public override string ToString() => Definition;

    private static string? NormalizePredicate(string? predicate)
    {
        if (predicate is null)
        {
            return null;
        }

        var text = string.Join(' ', predicate.Replace("\"", string.Empty, StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        while (text.Length >= 2 && text[0] == '(' && text[^1] == ')' && ClosesAtEnd(text))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    /// <summary>Whether the parenthesis opening <paramref name="text"/> is the one closing it: "(a) AND (b)" is not wrapped.</summary>
    private static bool ClosesAtEnd(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i == text.Length - 1;
            }
        }

        return false;
    }
}
