using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FhirEf.Core.Bulk;
using FhirEf.Core.Resources;

namespace FhirEf.EntityFramework.Npgsql.Import;

/// <summary>
/// Streams the records of an input: NDJSON line by line (constant memory; a blank line is no record),
/// or a JSON file as one resource, a Bundle as its entries' resources. <c>.gz</c> is decompressed on the fly.
/// Records up to <c>skip</c> are passed over without parsing (a resumed job).
/// </summary>
internal static class ImportRecordReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(Stream raw, string name, long skip, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var plainName = gzip ? name[..^3] : name;
        await using var stream = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        if (plainName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var record in ReadJson(await ReadAllAsync(stream, cancellationToken), skip))
            {
                yield return record;
            }

            yield break;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long position = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            position++;
            if (position <= skip)
            {
                continue;
            }

            yield return Parse(position, line);
        }
    }

    private static ImportRecord Parse(long position, string json)
    {
        try
        {
            using var document = FhirJson.Parse(json);
            return new ImportRecord(position, document.RootElement.Clone(), null, json.Length);
        }
        catch (JsonException e)
        {
            return new ImportRecord(position, default, $"Record {position} is not valid JSON: {e.Message}");
        }
    }

    private static IEnumerable<ImportRecord> ReadJson(byte[] bytes, long skip)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return skip > 0 ? [] : [new ImportRecord(1, default, $"The file is not valid JSON: {e.Message}")];
        }

        using (document)
        {
            var root = document.RootElement;
            var isBundle = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var type)
                && type.ValueKind == JsonValueKind.String && type.GetString() == "Bundle"
                && root.TryGetProperty("entry", out var entryArray) && entryArray.ValueKind == JsonValueKind.Array;
            if (!isBundle)
            {
                return skip > 0 ? [] : [new ImportRecord(1, root.Clone(), null, bytes.Length)];
            }

            var entries = root.GetProperty("entry").EnumerateArray().ToList();
            var localUrls = LocalReferences.Map(entries);
            var records = new List<ImportRecord>();
            long position = 0;
            foreach (var entry in entries)
            {
                position++;
                if (position > skip)
                {
                    records.Add(entry.TryGetProperty("resource", out var resource)
                        ? Parse(position, LocalReferences.Resolve(resource.GetRawText(), localUrls))
                        : new ImportRecord(position, default, $"Bundle entry {position} has no resource."));
                }
            }

            return records;
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
