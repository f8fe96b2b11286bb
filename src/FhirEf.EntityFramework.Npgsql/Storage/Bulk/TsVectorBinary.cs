using System.Buffers.Binary;
using System.Text;

namespace FhirEf.EntityFramework.Npgsql.Storage.Bulk;

/// <summary>
/// A tsvector in PostgreSQL's binary wire form (<c>tsvectorrecv</c>): int32 lexeme count, then per
/// lexeme its UTF-8 bytes, a NUL and an int16 position count (0: FhirEf stores no positions). Binary
/// COPY cannot cast, so the text form the single-write statements cast with <c>::tsvector</c>
/// (<see cref="Modeling.NpgsqlFhirStorageProvider.FullTextValue"/>) is decoded and re-encoded here.
/// Lexemes are sorted bytewise and made unique, as the text input does, so both paths store equal values.
/// </summary>
internal static class TsVectorBinary
{
    public static byte[] FromInputText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexemes = ParseQuoted(text).Select(Encoding.UTF8.GetBytes).ToList();
        lexemes.Sort(CompareBytes);
        var unique = new List<byte[]>(lexemes.Count);
        foreach (var lexeme in lexemes)
        {
            if (unique.Count == 0 || CompareBytes(unique[^1], lexeme) != 0)
            {
                unique.Add(lexeme);
            }
        }

        var buffer = new byte[4 + unique.Sum(l => l.Length + 3)];
        BinaryPrimitives.WriteInt32BigEndian(buffer, unique.Count);
        var offset = 4;
        foreach (var lexeme in unique)
        {
            lexeme.CopyTo(buffer, offset);
            offset += lexeme.Length + 3; // NUL terminator and a zero int16 position count.
        }

        return buffer;
    }

    /// <summary>Reads <c>'a' 'b''c' 'd\\e' </c>: quoted lexemes, quotes doubled, backslashes escaped.</summary>
    private static IEnumerable<string> ParseQuoted(string text)
    {
        var current = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\'')
            {
                i++;
                continue;
            }

            current.Clear();
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\\' && i + 1 < text.Length)
                {
                    current.Append(text[i + 1]);
                    i += 2;
                }
                else if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    current.Append('\'');
                    i += 2;
                }
                else if (c == '\'')
                {
                    i++;
                    break;
                }
                else
                {
                    current.Append(c);
                    i++;
                }
            }

            yield return current.ToString();
        }
    }

    /// <summary>PostgreSQL's lexeme order: bytewise on the common prefix, then the shorter first.</summary>
    private static int CompareBytes(byte[] a, byte[] b)
    {
        var common = a.AsSpan(0, Math.Min(a.Length, b.Length)).SequenceCompareTo(b.AsSpan(0, Math.Min(a.Length, b.Length)));
        return common != 0 ? common : a.Length.CompareTo(b.Length);
    }
}
