using FhirEf.Core.Resources;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Search.Syntax;
using Npgsql;
using NpgsqlTypes;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// Conditional create, update and delete (https://hl7.org/fhir/R4/http.html#cond-update): inside one
/// transaction, a transaction-scoped advisory lock on (tenant, type, criteria) serialises identical
/// requests, then the criteria are searched and the write follows, so 20 identical conditional creates
/// at once create one resource.
/// </summary>
public sealed class NpgsqlConditionalOperations : IFhirConditionalOperations
{
    private readonly FhirSession _session;
    private readonly IFhirRepository _repository;
    private readonly IFhirSearchService _search;
    private readonly WriteRetry _retry;

    public NpgsqlConditionalOperations(FhirSession session, IFhirRepository repository, IFhirSearchService search, WriteRetry retry)
    {
        _session = session;
        _repository = repository;
        _search = search;
        _retry = retry;
    }

    public Task<WriteResult> ConditionalCreateAsync(JsonElement resource, string criteria, WriteOptions options, CancellationToken cancellationToken)
    {
        var resourceType = ResourceTypeOf(resource);
        return LockedAsync(resourceType, criteria, async token =>
        {
            var matches = await MatchAsync(resourceType, criteria, 2, token);
            return matches.Count switch
            {
                0 => await _repository.CreateAsync(resource, options, token),
                1 => new WriteResult(WriteOutcome.Unchanged, await _repository.ReadAsync(resourceType, matches[0], token)),
                _ => throw new PreconditionFailedException($"If-None-Exist '{criteria}' matches more than one {resourceType}."),
            };
        }, cancellationToken);
    }

    public Task<WriteResult> ConditionalUpdateAsync(string resourceType, string criteria, JsonElement resource, WriteOptions options, CancellationToken cancellationToken) =>
        LockedAsync(resourceType, criteria, async token =>
        {
            var matches = await MatchAsync(resourceType, criteria, 2, token);
            var bodyId = resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            switch (matches.Count)
            {
                case 0:
                    return bodyId is null
                        ? await _repository.CreateAsync(resource, options, token)
                        : await _repository.UpdateAsync(resourceType, bodyId, resource, options, token);
                case 1:
                    if (bodyId is not null && bodyId != matches[0])
                    {
                        throw new InvalidResourceException($"The resource's id '{bodyId}' differs from the id '{matches[0]}' the criteria match.", $"{resourceType}.id");
                    }

                    return await _repository.UpdateAsync(resourceType, matches[0], WithId(resource, matches[0]), options, token);
                default:
                    throw new PreconditionFailedException($"The criteria '{criteria}' match more than one {resourceType}.");
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<WriteResult>> ConditionalDeleteAsync(string resourceType, string criteria, bool allowMultiple, WriteOptions options, CancellationToken cancellationToken)
    {
        var results = new List<WriteResult>();
        await LockedAsync(resourceType, criteria, async token =>
        {
            results.Clear();
            var matches = await MatchAsync(resourceType, criteria, allowMultiple ? 1000 : 2, token);
            if (matches.Count > 1 && !allowMultiple)
            {
                throw new PreconditionFailedException($"The criteria '{criteria}' match more than one {resourceType}; conditional delete of several is not enabled.");
            }

            foreach (var id in matches)
            {
                results.Add(await _repository.DeleteAsync(resourceType, id, options, token));
            }

            return new WriteResult(WriteOutcome.Deleted, null);
        }, cancellationToken);
        return results;
    }

    public async Task<IReadOnlyList<string>> MatchAsync(string resourceType, string criteria, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var parameters = SearchQueryParser.ParseQueryString(criteria);
        if (!parameters.Any(p => !p.Key.StartsWith('_') || p.Key is "_id" or "_tag" or "_profile" or "_security" or "_source" or "_lastUpdated" or "_text" or "_content" || p.Key.StartsWith("_has:", StringComparison.Ordinal)))
        {
            throw new InvalidRequestException($"Conditional criteria '{criteria}' have no search parameter.");
        }

        var result = await _search.SearchAsync(
            new SearchRequest(resourceType, [.. parameters.Where(p => p.Key is not ("_count" or "_cursor" or "_offset" or "_sort")), new("_count", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))]) { Strict = true },
            cancellationToken);
        return [.. result.Entries.Where(e => e.Mode == SearchEntryMode.Match).Select(e => e.Resource.Id)];
    }

    private async Task<WriteResult> LockedAsync(string resourceType, string criteria, Func<CancellationToken, Task<WriteResult>> work, CancellationToken cancellationToken)
    {
        async Task<WriteResult> Run(CancellationToken token)
        {
            await using var transaction = await _session.BeginAsync(token);
            var connection = await _session.ConnectionAsync(token);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, _session.Transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = $"{_session.Tenant.ProjectId}\u001f{resourceType}\u001f{criteria}" });
                await command.ExecuteNonQueryAsync(token);
            }

            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }

        return _session.IsActive ? await Run(cancellationToken) : await _retry.ExecuteAsync(async token => await Run(token), cancellationToken);
    }

    private static string ResourceTypeOf(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : throw new InvalidResourceException("The resource has no resourceType.", "resourceType");

    private static JsonElement WithId(JsonElement resource, string id)
    {
        if (resource.TryGetProperty("id", out _))
        {
            return resource;
        }

        var node = JsonNode.Parse(resource.GetRawText())!.AsObject();
        node["id"] = id;
        using var document = FhirJson.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
