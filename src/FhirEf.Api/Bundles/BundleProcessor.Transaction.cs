using System.Text.Json;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Interactions;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Bundles;

public sealed partial class BundleProcessor
{
    /// <summary>
    /// A transaction (https://hl7.org/fhir/R4/http.html#trules), all or nothing, in one database
    /// transaction: plan (URL shapes, duplicate fullUrls and targets), decide every id before writing
    /// (new ids only for creates other entries refer to; conditional creates, updates, patches and
    /// deletes resolved by search), resolve conditional references, then run DELETE, POST, PUT/PATCH,
    /// GET with each resource's links rewritten, and commit. Any failure rolls everything back.
    /// </summary>
    private async Task<BundleEntryResult[]> TransactionAsync(BundleRequest request, CancellationToken cancellationToken)
    {
        var plan = TransactionPlan.Create(request, _definitions.Structures, _rewriter);
        var results = new BundleEntryResult[request.Entries.Count];
        await using var transaction = await _unitOfWork.BeginAsync(cancellationToken);
        await ResolveTargetsAsync(plan, cancellationToken);
        plan.RequireDistinctTargets();
        var resolvedReferences = await ResolveConditionalReferencesAsync(plan, cancellationToken);
        var bulk = _services.GetService<IFhirBulkWriter>();
        for (var next = 0; next < plan.Ordered.Count;)
        {
            var entry = plan.Ordered[next];
            if (bulk is not null && IsPlainCreate(entry))
            {
                var creates = plan.Ordered.Skip(next).TakeWhile(IsPlainCreate).ToList();
                await CreateAllAsync(bulk, creates, plan, resolvedReferences, results, cancellationToken);
                next += creates.Count;
                continue;
            }

            next++;
            FhirResult result;
            try
            {
                result = await ExecuteAsync(entry, plan, resolvedReferences, cancellationToken);
            }
            catch (FhirException exception)
            {
                throw new TransactionEntryException(entry.Request, exception);
            }

            if (result.Status >= StatusCodes.Status400BadRequest)
            {
                throw new TransactionEntryException(entry.Request, new ResourceGoneException($"{entry.Request.Describe()} answered {result.Status}."));
            }

            results[entry.Request.Index] = new BundleEntryResult(result, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>Decides the id every write acts on, before anything is written: links to the entry need it.</summary>
    private async Task ResolveTargetsAsync(TransactionPlan plan, CancellationToken cancellationToken)
    {
        foreach (var entry in plan.Entries)
        {
            var request = entry.Request;
            try
            {
                switch (request.Method)
                {
                    case BundleEntryMethod.Post when entry.Criteria is not null:
                        var existing = await MatchAsync(entry.ResourceType!, entry.Criteria, cancellationToken);
                        entry.MatchedExisting = existing is not null;
                        entry.Id = existing ?? NewId();
                        break;
                    case BundleEntryMethod.Post:
                        // Decided here even when no entry refers to it: the creates are then written together.
                        entry.Id = NewId();
                        break;
                    case BundleEntryMethod.Put when entry.Criteria is not null:
                        var bodyId = request.Resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                        var match = await MatchAsync(entry.ResourceType!, entry.Criteria, cancellationToken);
                        if (match is not null && bodyId is not null && bodyId != match)
                        {
                            throw new InvalidRequestException($"The resource's id '{bodyId}' is not that of the {entry.ResourceType} the criteria match ('{match}').", "id");
                        }

                        entry.Id = match ?? bodyId ?? NewId();
                        break;
                    case BundleEntryMethod.Patch when entry.Criteria is not null:
                        entry.Id = await MatchAsync(entry.ResourceType!, entry.Criteria, cancellationToken)
                            ?? throw new ResourceNotFoundException($"No {entry.ResourceType} matches '{entry.Criteria}'.");
                        break;
                    case BundleEntryMethod.Delete when entry.Criteria is not null:
                        var ids = await Conditional.MatchAsync(entry.ResourceType!, entry.Criteria, 2, cancellationToken);
                        if (ids.Count > 1)
                        {
                            throw new PreconditionFailedException($"'{entry.Criteria}' matches more than one {entry.ResourceType}; a conditional delete deletes one.");
                        }

                        entry.MatchedIds = ids;
                        entry.Id = ids.Count == 1 ? ids[0] : null;
                        break;
                }
            }
            catch (FhirException exception)
            {
                throw new TransactionEntryException(request, exception);
            }

            if (entry.Target is { } target)
            {
                target.Id = entry.Id;
                target.IsCreate = request.Method == BundleEntryMethod.Post && !entry.MatchedExisting;
            }
        }
    }

    private static bool IsPlainCreate(TransactionEntry entry) => entry.Request.Method == BundleEntryMethod.Post && !entry.MatchedExisting;

    /// <summary>
    /// Creates with the ids decided beforehand, in one bulk write (binary COPY, indexing in parallel) instead of
    /// one write per entry; it runs inside the transaction, so a failure still rolls everything back.
    /// </summary>
    private async Task CreateAllAsync(
        IFhirBulkWriter bulk,
        List<TransactionEntry> creates,
        TransactionPlan plan,
        Dictionary<string, string> references,
        BundleEntryResult[] results,
        CancellationToken cancellationToken)
    {
        var documents = new List<JsonDocument>(creates.Count);
        try
        {
            foreach (var entry in creates)
            {
                try
                {
                    _interactions.RequireType(entry.ResourceType);
                    FhirInteractions.RequireBodyType(entry.Request.Resource, entry.ResourceType!);
                    documents.Add(Prepare(entry, plan, references, entry.Id)!);
                }
                catch (FhirException exception)
                {
                    throw new TransactionEntryException(entry.Request, exception);
                }
            }

            var written = await bulk.WriteAsync([.. documents.Select(d => d.RootElement)], new BulkWriteOptions { AllNew = true, Method = "POST" }, cancellationToken);
            foreach (var item in written.Items)
            {
                var request = creates[item.Index].Request;
                if (item.Error is { } error)
                {
                    throw new TransactionEntryException(request, new InvalidResourceException(error, "resourceType"));
                }

                results[request.Index] = new BundleEntryResult(FhirInteractions.FromWrite(new WriteResult(WriteOutcome.Created, item.Version)), null);
            }
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>The one id the criteria match, null for none; several are 412.</summary>
    private async Task<string?> MatchAsync(string resourceType, string criteria, CancellationToken cancellationToken)
    {
        var ids = await Conditional.MatchAsync(resourceType, criteria, 2, cancellationToken);
        return ids.Count switch
        {
            0 => null,
            1 => ids[0],
            _ => throw new PreconditionFailedException($"'{criteria}' matches more than one {resourceType}."),
        };
    }

    /// <summary>Each conditional reference (<c>Patient?identifier=…</c>) must match exactly one resource.</summary>
    private async Task<Dictionary<string, string>> ResolveConditionalReferencesAsync(TransactionPlan plan, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in plan.ConditionalReferences)
        {
            var question = reference.IndexOf('?', StringComparison.Ordinal);
            var resourceType = reference[..question];
            var ids = await Conditional.MatchAsync(resourceType, reference[(question + 1)..], 2, cancellationToken);
            resolved[reference] = ids.Count switch
            {
                1 => $"{resourceType}/{ids[0]}",
                0 => throw new InvalidRequestException($"The conditional reference '{reference}' matches no resource."),
                _ => throw new PreconditionFailedException($"The conditional reference '{reference}' matches more than one resource."),
            };
        }

        return resolved;
    }

    private async Task<FhirResult> ExecuteAsync(TransactionEntry entry, TransactionPlan plan, Dictionary<string, string> references, CancellationToken cancellationToken)
    {
        var request = entry.Request;
        var type = entry.ResourceType!;
        switch (request.Method)
        {
            case BundleEntryMethod.Delete:
                return entry.Id is { } deleted
                    ? await _interactions.DeleteAsync(type, deleted, IfMatch(request), cancellationToken)
                    : new FhirResult(StatusCodes.Status204NoContent) { IsWrite = true, Information = "No resource matched; nothing was deleted." };
            case BundleEntryMethod.Post when entry.MatchedExisting:
                var current = await _interactions.ReadAsync(type, entry.Id!, ReadConditions.None, cancellationToken);
                return new FhirResult(StatusCodes.Status200OK)
                {
                    Version = current.Version,
                    Body = current.Body,
                    IsWrite = true,
                    Information = $"{type}/{entry.Id} matches '{entry.Criteria}': nothing was created.",
                };
            case BundleEntryMethod.Post:
                {
                    using var prepared = Prepare(entry, plan, references, entry.Id);
                    var resource = prepared?.RootElement ?? request.Resource;
                    return entry.Id is { } id
                        ? await _interactions.CreateWithIdAsync(type, id, resource, cancellationToken)
                        : await _interactions.CreateAsync(type, resource, null, cancellationToken);
                }

            case BundleEntryMethod.Put:
                {
                    using var prepared = Prepare(entry, plan, references, entry.Criteria is null ? null : entry.Id);
                    return await _interactions.UpdateAsync(type, entry.Id!, prepared?.RootElement ?? request.Resource, IfMatch(request), cancellationToken);
                }

            case BundleEntryMethod.Patch:
                {
                    using var prepared = Prepare(entry, plan, references, null);
                    return await _interactions.PatchAsync(type, entry.Id!, PatchOf(request, prepared?.RootElement ?? request.Resource), IfMatch(request), cancellationToken);
                }

            default:
                return await DispatchAsync(request, cancellationToken);
        }
    }

    /// <summary>The entry's resource with its links rewritten and its id set, or null when it can be written as it came.</summary>
    private JsonDocument? Prepare(TransactionEntry entry, TransactionPlan plan, Dictionary<string, string> references, string? id) =>
        !entry.NeedsRewrite && id is null
            ? null
            : JsonDocument.Parse(_rewriter.Rewrite(entry.Request.Resource, plan.References, entry.Request.FullUrl, references, id));

    private static string NewId() => Guid.CreateVersion7().ToString();

    private IFhirConditionalOperations Conditional =>
        _services.GetService<IFhirConditionalOperations>() ?? throw new NotSupportedRequestException("Conditional interactions are not available on this server.");
}
