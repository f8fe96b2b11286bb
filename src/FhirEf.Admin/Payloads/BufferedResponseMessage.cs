using Microsoft.OData;

namespace FhirEf.Admin.Payloads;

/// <summary>
/// The response <see cref="ODataMessageWriter"/> writes into: a buffer (the writer is synchronous and
/// Kestrel forbids synchronous I/O), copied to the HTTP response afterwards with its headers.
/// </summary>
internal sealed class BufferedResponseMessage : IODataResponseMessage
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public MemoryStream Body { get; } = new();

    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

    public int StatusCode { get; set; } = 200;

    public string? GetHeader(string headerName) => _headers.TryGetValue(headerName, out var value) ? value : null;

    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

    public Stream GetStream() => Body;
}
