using System.Diagnostics.CodeAnalysis;

namespace FhirEf.Core.Bundles;

/// <summary>
/// The entries of a transaction by fullUrl, and how a reference inside the bundle finds one
/// (https://hl7.org/fhir/R4/bundle.html#references): a reference equal to a fullUrl (<c>urn:uuid:…</c>,
/// an absolute URL), version-specific or not; a relative <c>Type/id</c> from an entry whose fullUrl is a
/// RESTful URL is read against that URL's base.
/// </summary>
public sealed class BundleReferenceMap
{
    private const string HistorySegment = "/_history/";

    private readonly Dictionary<string, ReferenceTarget> _byFullUrl = new(StringComparer.Ordinal);
    private bool _hasRestfulUrls;

    public int Count => _byFullUrl.Count;

    public IEnumerable<ReferenceTarget> Targets => _byFullUrl.Values;

    /// <summary>Adds an entry's fullUrl; false when another entry already has it.</summary>
    public bool TryAdd(string fullUrl, ReferenceTarget target)
    {
        ArgumentNullException.ThrowIfNull(fullUrl);
        ArgumentNullException.ThrowIfNull(target);
        if (!_byFullUrl.TryAdd(fullUrl, target))
        {
            return false;
        }

        _hasRestfulUrls |= RestfulBase(fullUrl) is not null;
        return true;
    }

    public bool TryGet(string fullUrl, [NotNullWhen(true)] out ReferenceTarget? target) => _byFullUrl.TryGetValue(fullUrl, out target);

    /// <summary>The entry <paramref name="reference"/> points to, seen from the entry whose fullUrl is <paramref name="entryFullUrl"/>.</summary>
    /// <param name="version">The version of a version-specific reference, else null.</param>
    public bool TryMatch(string reference, string? entryFullUrl, [NotNullWhen(true)] out ReferenceTarget? target, out string? version)
    {
        ArgumentNullException.ThrowIfNull(reference);
        version = null;
        target = null;
        if (reference.Length == 0 || reference[0] == '#' || _byFullUrl.Count == 0)
        {
            return false;
        }

        if (_byFullUrl.TryGetValue(reference, out target))
        {
            return true;
        }

        if (!_hasRestfulUrls)
        {
            return false;
        }

        var path = reference;
        var history = reference.IndexOf(HistorySegment, StringComparison.Ordinal);
        if (history > 0)
        {
            version = reference[(history + HistorySegment.Length)..];
            path = reference[..history];
            if (_byFullUrl.TryGetValue(path, out target))
            {
                return true;
            }
        }

        if (!path.Contains("://", StringComparison.Ordinal) && entryFullUrl is not null && RestfulBase(entryFullUrl) is { } root
            && _byFullUrl.TryGetValue($"{root}/{path}", out target))
        {
            return true;
        }

        version = null;
        return false;
    }

    /// <summary>
    /// The [root] of a RESTful URL (<c>http://host/fhir/Patient/1/_history/2</c> → <c>http://host/fhir</c>);
    /// null for anything else (<c>urn:uuid:…</c>).
    /// </summary>
    public static string? RestfulBase(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.StartsWith("http://", StringComparison.Ordinal) && !url.StartsWith("https://", StringComparison.Ordinal))
        {
            return null;
        }

        var history = url.IndexOf(HistorySegment, StringComparison.Ordinal);
        var path = history > 0 ? url[..history] : url;
        var idSlash = path.LastIndexOf('/');
        var typeSlash = idSlash > 0 ? path.LastIndexOf('/', idSlash - 1) : -1;
        if (typeSlash < "https://".Length || idSlash == path.Length - 1)
        {
            return null;
        }

        var type = path.AsSpan(typeSlash + 1, idSlash - typeSlash - 1);
        return type.Length > 0 && char.IsAsciiLetterUpper(type[0]) ? path[..typeSlash] : null;
    }
}
