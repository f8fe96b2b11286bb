using FhirEf.Core.Errors;

namespace FhirEf.Core.Bundles;

/// <summary>
/// Bundle.entry.request.url taken apart: the path segments relative to the server base
/// (<c>Patient</c>, <c>Patient/123/_history/2</c>, <c>Patient/123/$meta</c>) and the query string
/// without its <c>?</c> (still URL-encoded). An absolute URL is accepted when it starts with the server base.
/// </summary>
public sealed record EntryRequestUrl(IReadOnlyList<string> Segments, string Query)
{
    /// <summary>Whether the URL has a query string (a conditional write, a search).</summary>
    public bool HasQuery => Query.Length > 0;

    /// <summary>The URL as written in a response: segments joined by '/', then the query.</summary>
    public override string ToString() => HasQuery ? $"{string.Join('/', Segments)}?{Query}" : string.Join('/', Segments);

    /// <param name="url">request.url as written in the bundle.</param>
    /// <param name="serverBase">The server's FHIR base (<c>http://host/fhir</c>), to strip from absolute URLs; null accepts relative URLs only.</param>
    /// <param name="expression">Where the URL is, for the error (<c>Bundle.entry[3].request.url</c>).</param>
    public static EntryRequestUrl Parse(string url, string? serverBase, string expression)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            var prefix = serverBase?.TrimEnd('/');
            if (prefix is null || (!text.StartsWith(prefix + "/", StringComparison.Ordinal) && !text.StartsWith(prefix + "?", StringComparison.Ordinal) && text != prefix))
            {
                throw new InvalidRequestException($"The request URL '{url}' is absolute but not on this server's base; use a URL relative to the base.", expression);
            }

            text = text[prefix.Length..].TrimStart('/');
        }

        var question = text.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? text : text[..question];
        var query = question < 0 ? string.Empty : text[(question + 1)..];
        path = path.Trim('/');
        var segments = path.Length == 0 ? [] : path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0)
            {
                throw new InvalidRequestException($"The request URL '{url}' has an empty path segment.", expression);
            }

            try
            {
                segments[i] = Uri.UnescapeDataString(segments[i]);
            }
            catch (UriFormatException)
            {
                throw new InvalidRequestException($"The request URL '{url}' is not a valid URL.", expression);
            }
        }

        return new EntryRequestUrl(segments, query);
    }
}
