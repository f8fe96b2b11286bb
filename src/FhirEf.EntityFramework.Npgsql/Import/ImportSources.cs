using FhirEf.Core.Bulk;
using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// Where an input's bytes come from. <c>$import</c> may read files under <see cref="ImportOptions.Root"/>
/// (a relative path or a <c>file:</c> URL; <c>..</c> cannot leave it) and URLs under an allowed prefix;
/// the CLI (<see cref="LocalFiles"/>) reads any local file its user names.
/// </summary>
public sealed class ImportSources
{
    private readonly string? _root;
    private readonly IReadOnlyList<string> _allowedPrefixes;
    private readonly bool _anyLocalFile;
    private readonly HttpClient? _http;

    public ImportSources(string? root, IReadOnlyList<string> allowedPrefixes, HttpClient? http)
    {
        _root = string.IsNullOrWhiteSpace(root) ? null : Path.GetFullPath(root);
        _allowedPrefixes = allowedPrefixes;
        _http = http;
    }

    private ImportSources()
    {
        _allowedPrefixes = [];
        _anyLocalFile = true;
    }

    /// <summary>Any local path (the CLI reads with its user's rights).</summary>
    public static ImportSources LocalFiles { get; } = new();

    /// <summary>Throws <see cref="InvalidRequestException"/> (400) when the input may not or cannot be read.</summary>
    public void Check(ImportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsRemote(input.Url))
        {
            return;
        }

        var path = LocalPath(input.Url);
        if (!File.Exists(path))
        {
            throw new InvalidRequestException($"The import input '{input.Url}' does not exist.");
        }
    }

    public async Task<Stream> OpenAsync(ImportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsRemote(input.Url))
        {
            return await _http!.GetStreamAsync(new Uri(input.Url), cancellationToken);
        }

        return new FileStream(LocalPath(input.Url), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
    }

    /// <summary>The input's size in bytes when it is a local file (for progress), else null.</summary>
    public long? Length(ImportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return IsRemote(input.Url) ? null : new FileInfo(LocalPath(input.Url)).Length;
    }

    private bool IsRemote(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (_http is null || !_allowedPrefixes.Any(p => url.StartsWith(p, StringComparison.Ordinal)))
        {
            throw new InvalidRequestException($"The server may not read '{url}': it is under none of Fhir:Import:AllowedUrlPrefixes.");
        }

        return true;
    }

    private string LocalPath(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : url;
        if (_anyLocalFile)
        {
            return Path.GetFullPath(path);
        }

        if (_root is null)
        {
            throw new InvalidRequestException($"The server reads no local import files (Fhir:Import:Root is not set): '{url}'.");
        }

        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidRequestException($"The import input '{url}' is outside the import root.");
        }

        return full;
    }
}
