using System.Text.Json;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Bundles;

/// <summary>
/// What a transaction will do, worked out before anything is written
/// (https://hl7.org/fhir/R4/http.html#trules): the entries in processing order, their targets and
/// criteria, the fullUrls other entries refer to, the conditional references to resolve, and the
/// checks that need no database: writes have the URL shapes a transaction allows, no two entries share
/// a fullUrl, and no resource is the target of two writes.
/// </summary>
public sealed class TransactionPlan
{
    private TransactionPlan(IReadOnlyList<TransactionEntry> entries, BundleReferenceMap references, IReadOnlyCollection<string> conditionalReferences)
    {
        Entries = entries;
        References = references;
        ConditionalReferences = conditionalReferences;
        Ordered = entries.OrderBy(e => TransactionOrder.Step(e.Request.Method)).ThenBy(e => e.Request.Index).ToArray();
    }

    /// <summary>The entries in Bundle order.</summary>
    public IReadOnlyList<TransactionEntry> Entries { get; }

    /// <summary>The entries in processing order: DELETE, POST, PUT/PATCH, GET/HEAD.</summary>
    public IReadOnlyList<TransactionEntry> Ordered { get; }

    public BundleReferenceMap References { get; }

    /// <summary>Distinct conditional references (<c>Patient?identifier=…</c>) found in the resources.</summary>
    public IReadOnlyCollection<string> ConditionalReferences { get; }

    public static TransactionPlan Create(BundleRequest bundle, StructureDefinitionRegistry structures, ReferenceRewriter rewriter)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(structures);
        ArgumentNullException.ThrowIfNull(rewriter);
        var references = new BundleReferenceMap();
        var entries = new TransactionEntry[bundle.Entries.Count];
        var literalTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        var conditionalCreates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var request in bundle.Entries)
        {
            var entry = Classify(request, structures);
            entries[request.Index] = entry;
            if (entry.Target is not null && !references.TryAdd(request.FullUrl!, entry.Target))
            {
                var first = references.TryGet(request.FullUrl!, out var other) ? other.EntryIndex : -1;
                throw new InvalidRequestException(
                    $"{request.Expression} repeats the fullUrl '{request.FullUrl}' of Bundle.entry[{first}]; a resource can appear in a transaction only once.",
                    $"{request.Expression}.fullUrl");
            }

            if (entry.IsWrite && entry.Id is not null && request.Method != BundleEntryMethod.Post)
            {
                RequireOnce(literalTargets, $"{entry.ResourceType}/{entry.Id}", request);
            }

            if (request.Method == BundleEntryMethod.Post && entry.Criteria is not null)
            {
                RequireOnce(conditionalCreates, $"{entry.ResourceType}?{entry.Criteria}", request);
            }
        }

        var conditional = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Request.HasResource)
            {
                entry.NeedsRewrite = rewriter.Scan(entry.Request.Resource, references, entry.Request.FullUrl, conditional);
            }
        }

        return new TransactionPlan(entries, references, conditional);
    }

    /// <summary>
    /// Fails when two writes of the transaction act on the same resource, once conditional targets are
    /// resolved (https://hl7.org/fhir/R4/http.html#trules: "If any resource identities overlap in steps 1-3, the transaction SHALL fail").
    /// </summary>
    public void RequireDistinctTargets()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Ordered)
        {
            if (!entry.IsWrite || entry.MatchedExisting)
            {
                continue;
            }

            foreach (var id in entry.Request.Method == BundleEntryMethod.Delete && entry.Criteria is not null ? entry.MatchedIds : entry.Id is { } single ? [single] : [])
            {
                RequireOnce(seen, $"{entry.ResourceType}/{id}", entry.Request);
            }
        }
    }

    private static void RequireOnce(Dictionary<string, int> seen, string key, BundleEntryRequest request)
    {
        if (seen.TryGetValue(key, out var first))
        {
            throw new InvalidRequestException(
                $"Entries {first} and {request.Index} of the transaction both act on {key}; a resource can be the target of only one write in a transaction.",
                request.Expression);
        }

        seen[key] = request.Index;
    }

    private static TransactionEntry Classify(BundleEntryRequest request, StructureDefinitionRegistry structures)
    {
        var segments = request.Url.Segments;
        if (request.Method is BundleEntryMethod.Get or BundleEntryMethod.Head)
        {
            return new TransactionEntry(request) { ResourceType = segments.Count > 0 && structures.IsResourceType(segments[0]) ? segments[0] : null };
        }

        if (segments.Count is 0 or > 2 || !structures.IsConcreteResourceType(segments[0]) || (segments.Count == 2 && segments[1].StartsWith('_')))
        {
            throw new InvalidRequestException(
                $"{request.Expression}: {request.Describe()} is not a write a transaction can hold: use [type] for POST, [type]/[id] or [type]?[criteria] for PUT, PATCH and DELETE, with a known resource type.",
                $"{request.Expression}.request.url");
        }

        var resourceType = segments[0];
        var id = segments.Count == 2 ? segments[1] : null;
        if (request.HasResource && request.Method is BundleEntryMethod.Post or BundleEntryMethod.Put
            && request.Resource.TryGetProperty("resourceType", out var bodyType) && (bodyType.ValueKind != JsonValueKind.String || !bodyType.ValueEquals(resourceType)))
        {
            throw new InvalidRequestException(
                $"{request.Expression}: the resource is a {bodyType.GetString()}, but the request URL names {resourceType}.",
                $"{request.Expression}.resource.resourceType");
        }

        string? criteria;
        switch (request.Method)
        {
            case BundleEntryMethod.Post:
                if (id is not null)
                {
                    throw new InvalidRequestException($"{request.Expression}: POST creates a resource at [type]; use PUT to write {resourceType}/{id}.", $"{request.Expression}.request.url");
                }

                criteria = string.IsNullOrWhiteSpace(request.IfNoneExist) ? null : request.IfNoneExist.TrimStart('?');
                break;
            default:
                if (id is null && !request.Url.HasQuery)
                {
                    throw new InvalidRequestException(
                        $"{request.Expression}: {request.Describe()} names neither an id nor search criteria.",
                        $"{request.Expression}.request.url");
                }

                criteria = id is null ? request.Url.Query : null;
                break;
        }

        var target = request.FullUrl is { Length: > 0 }
            ? new ReferenceTarget(resourceType, request.Index) { Id = id, IsCreate = request.Method == BundleEntryMethod.Post }
            : null;
        return new TransactionEntry(request) { ResourceType = resourceType, Id = id, Criteria = criteria, Target = target };
    }
}
