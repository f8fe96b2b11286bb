using System.Text.Json;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Bundles;

/// <summary>A batch or transaction Bundle taken apart into its entries' requests (https://hl7.org/fhir/R4/http.html#transaction).</summary>
public sealed record BundleRequest(BundleKind Kind, IReadOnlyList<BundleEntryRequest> Entries)
{
    /// <summary>
    /// Reads the requests of a Bundle that has passed structural validation. Checks what the
    /// StructureDefinitions cannot: the Bundle type, that every entry has a request, that POST and PUT
    /// carry a resource, that the number of entries is within <paramref name="maxEntries"/>.
    /// </summary>
    /// <param name="serverBase">The server's FHIR base, to accept absolute request URLs on it.</param>
    public static BundleRequest Read(JsonElement bundle, int maxEntries, string? serverBase)
    {
        if (bundle.ValueKind != JsonValueKind.Object
            || !bundle.TryGetProperty("resourceType", out var resourceType)
            || resourceType.ValueKind != JsonValueKind.String
            || !resourceType.ValueEquals("Bundle"))
        {
            throw new InvalidRequestException("Only a Bundle can be POSTed to the server base (a batch or transaction).", "resourceType");
        }

        var kind = bundle.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString() switch
            {
                "batch" => BundleKind.Batch,
                "transaction" => BundleKind.Transaction,
                var other => throw new InvalidRequestException($"Bundle.type is '{other}'; the server base accepts 'batch' and 'transaction'.", "Bundle.type"),
            }
            : throw new InvalidRequestException("Bundle.type is required: 'batch' or 'transaction'.", "Bundle.type");

        if (!bundle.TryGetProperty("entry", out var entryArray) || entryArray.ValueKind != JsonValueKind.Array)
        {
            return new BundleRequest(kind, []);
        }

        var count = entryArray.GetArrayLength();
        if (count > maxEntries)
        {
            throw new BundleTooLargeException(count, maxEntries);
        }

        var entries = new BundleEntryRequest[count];
        var index = 0;
        foreach (var entry in entryArray.EnumerateArray())
        {
            entries[index] = ReadEntry(entry, index, serverBase);
            index++;
        }

        return new BundleRequest(kind, entries);
    }

    private static BundleEntryRequest ReadEntry(JsonElement entry, int index, string? serverBase)
    {
        var at = $"Bundle.entry[{index}]";
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException($"{at} has no request: every entry of a batch or transaction needs request.method and request.url.", $"{at}.request");
        }

        var method = String(request, "method") switch
        {
            "GET" => BundleEntryMethod.Get,
            "HEAD" => BundleEntryMethod.Head,
            "POST" => BundleEntryMethod.Post,
            "PUT" => BundleEntryMethod.Put,
            "DELETE" => BundleEntryMethod.Delete,
            "PATCH" => BundleEntryMethod.Patch,
            null => throw new InvalidRequestException($"{at}.request.method is required.", $"{at}.request.method"),
            var other => throw new InvalidRequestException($"{at}.request.method '{other}' is not an R4 HTTP verb.", $"{at}.request.method"),
        };
        var rawUrl = String(request, "url") ?? throw new InvalidRequestException($"{at}.request.url is required.", $"{at}.request.url");
        var url = EntryRequestUrl.Parse(rawUrl, serverBase, $"{at}.request.url");
        var resource = entry.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        if (method is BundleEntryMethod.Post or BundleEntryMethod.Put or BundleEntryMethod.Patch && resource.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException($"{at} is a {method.ToString().ToUpperInvariant()} without a resource.", $"{at}.resource");
        }

        return new BundleEntryRequest(index, method, url, rawUrl)
        {
            FullUrl = String(entry, "fullUrl"),
            Resource = resource,
            IfMatch = String(request, "ifMatch"),
            IfNoneMatch = String(request, "ifNoneMatch"),
            IfModifiedSince = String(request, "ifModifiedSince"),
            IfNoneExist = String(request, "ifNoneExist"),
        };
    }

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
