using System.Security.Cryptography;
using System.Text;

namespace FhirEf.Core.Schema;

/// <summary>Table, column and index names: readable, and within PostgreSQL's 63-byte identifier limit.</summary>
public static class SchemaNames
{
    public const int MaxIdentifierLength = 63;

    public static string HistoryTable(string resourceType) => resourceType + "_History";

    public static string ReferencesTable(string resourceType) => resourceType + "_References";

    /// <summary>"value-quantity" → "valueQuantity"; "_tag" stays "_tag".</summary>
    public static string Column(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var builder = new StringBuilder(code.Length);
        var upper = false;
        foreach (var c in code)
        {
            if (c is '-' or '.' or ':')
            {
                upper = builder.Length > 0;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>"&lt;Table&gt;_&lt;columns&gt;_idx", shortened with a hash when longer than PostgreSQL allows.</summary>
    public static string Index(string table, IEnumerable<string> columns, string suffix = "idx")
    {
        var name = $"{table}_{string.Join("_", columns)}_{suffix}";
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{name[..(MaxIdentifierLength - hash.Length - suffix.Length - 2)]}_{hash}_{suffix}";
    }
}
