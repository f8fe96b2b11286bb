namespace FhirEf.Core.Bundles;

/// <summary>
/// A transaction entry as the plan sees it: what it writes (type, and id once known), its search
/// criteria when conditional, the fullUrl target others refer to it by, and whether its resource
/// holds links to rewrite.
/// </summary>
public sealed class TransactionEntry(BundleEntryRequest request)
{
    public BundleEntryRequest Request { get; } = request;

    /// <summary>The resource type written, read or deleted; null for system-level reads.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The id written or deleted: from the URL, assigned for a create, or resolved from <see cref="Criteria"/>.</summary>
    public string? Id { get; set; }

    /// <summary>Search criteria of a conditional write (the query of PUT/PATCH/DELETE <c>Type?…</c>, or POST's ifNoneExist).</summary>
    public string? Criteria { get; init; }

    /// <summary>For a conditional DELETE: every id the criteria matched.</summary>
    public IReadOnlyList<string> MatchedIds { get; set; } = [];

    /// <summary>For a conditional create that matched a resource: nothing is written, the match is the outcome.</summary>
    public bool MatchedExisting { get; set; }

    public ReferenceTarget? Target { get; init; }

    public bool NeedsRewrite { get; set; }

    public bool IsWrite => Request.Method is BundleEntryMethod.Post or BundleEntryMethod.Put or BundleEntryMethod.Patch or BundleEntryMethod.Delete;
}
