using System.Text.Json;

namespace FhirEf.Core.Bundles;

/// <summary>
/// One entry of a batch or transaction: its position in the Bundle, the request, the resource (a
/// <see cref="JsonElement"/> of kind Undefined when there is none) and the conditional headers of
/// Bundle.entry.request (ifMatch, ifNoneMatch, ifModifiedSince, ifNoneExist).
/// </summary>
public sealed record BundleEntryRequest(int Index, BundleEntryMethod Method, EntryRequestUrl Url, string RawUrl)
{
    public string? FullUrl { get; init; }

    public JsonElement Resource { get; init; }

    public bool HasResource => Resource.ValueKind == JsonValueKind.Object;

    public string? IfMatch { get; init; }

    public string? IfNoneMatch { get; init; }

    public string? IfModifiedSince { get; init; }

    public string? IfNoneExist { get; init; }

    /// <summary>The FHIRPath of the entry, for errors: <c>Bundle.entry[3]</c>.</summary>
    public string Expression => $"Bundle.entry[{Index}]";

    /// <summary>"POST Patient": how the entry is named in diagnostics.</summary>
    public string Describe() => $"{Method.ToString().ToUpperInvariant()} {RawUrl}";
}
