using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using FhirEf.Core.Definitions;

namespace FhirEf.Core.Indexing;

/// <summary>
/// The version stored with every indexed row (<c>__version</c>): a fingerprint of what extraction reads,
/// the search parameters of the definitions (url, type, bases, expression, targets, components) and
/// <see cref="ExtractionRevision"/>. Adding or changing a SearchParameter under <c>spec/platform</c> therefore
/// changes the version, and <c>$reindex</c> finds every row written before it as stale, without a manual bump.
/// </summary>
public static class IndexerVersion
{
    /// <summary>Bump when the extraction code changes what it stores for unchanged definitions.</summary>
    public const int ExtractionRevision = 2;

    /// <summary>A positive 31-bit fingerprint; equal definitions always give the same value, across processes and machines.</summary>
    public static int Compute(IEnumerable<SearchParameterInfo> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder().Append("extraction:").Append(ExtractionRevision).Append('\n');
        foreach (var parameter in parameters.OrderBy(p => p.Url, StringComparer.Ordinal))
        {
            text.Append(parameter.Url).Append('|').Append(parameter.Type).Append('|')
                .AppendJoin(',', parameter.Base.Order(StringComparer.Ordinal)).Append('|')
                .Append(parameter.Expression).Append('|')
                .AppendJoin(',', parameter.Targets.Order(StringComparer.Ordinal)).Append('|')
                .AppendJoin(',', parameter.Components.Select(c => c.Definition + "=" + c.Expression)).Append('\n');
        }

        var hash = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        // Never 0, which marks rows no indexer has touched (and what tests use for "stale").
        return (int)(hash & 0x7FFF_FFFF) is var version and > 0 ? version : 1;
    }
}
