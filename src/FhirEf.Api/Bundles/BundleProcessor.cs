using System.Text.Json;
using FhirEf.Api.Configuration;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using FhirEf.Api.Interactions;
using FhirEf.Api.Patching;
using FhirEf.Api.Requests;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Bundles;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Bundles;

/// <summary>
/// batch and transaction (https://hl7.org/fhir/R4/http.html#transaction): a batch runs each entry as
/// its own interaction and answers every entry, failed or not; a transaction plans the whole Bundle,
/// runs it in one database transaction in the specification's order with the links between entries
/// rewritten, and either commits everything or nothing.
/// </summary>
public sealed partial class BundleProcessor
{
    private readonly FhirInteractions _interactions;
    private readonly IFhirUnitOfWork _unitOfWork;
    private readonly IServiceProvider _services;
    private readonly FhirDefinitions _definitions;
    private readonly ReferenceRewriter _rewriter;
    private readonly FhirRequestContext _context;
    private readonly FhirApiOptions _options;
    private readonly ILogger<BundleProcessor> _logger;

    public BundleProcessor(
        FhirInteractions interactions,
        IFhirUnitOfWork unitOfWork,
        IServiceProvider services,
        FhirDefinitions definitions,
        ReferenceRewriter rewriter,
        FhirRequestContext context,
        IOptions<FhirApiOptions> options,
        ILogger<BundleProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _interactions = interactions;
        _unitOfWork = unitOfWork;
        _services = services;
        _definitions = definitions;
        _rewriter = rewriter;
        _context = context;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<FhirResult> ProcessAsync(JsonElement bundle, CancellationToken cancellationToken)
    {
        var request = BundleRequest.Read(bundle, _options.MaxBundleEntries, _context.BaseUrl);
        var entries = request.Kind == BundleKind.Batch
            ? await BatchAsync(request, cancellationToken)
            : await TransactionAsync(request, cancellationToken);
        return new FhirResult(StatusCodes.Status200OK) { Body = new BundleResponseBody(request.Kind, entries, _context.Prefer.Return) };
    }

    /// <summary>Each entry on its own, in the transaction order (https://hl7.org/fhir/R4/http.html#brules); a failure is that entry's response.</summary>
    private async Task<BundleEntryResult[]> BatchAsync(BundleRequest request, CancellationToken cancellationToken)
    {
        var results = new BundleEntryResult[request.Entries.Count];
        foreach (var entry in TransactionOrder.Sort(request.Entries))
        {
            try
            {
                results[entry.Index] = new BundleEntryResult(await DispatchAsync(entry, cancellationToken), null);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results[entry.Index] = new BundleEntryResult(null, Failure(exception, entry));
            }
        }

        return results;
    }

    private ErrorResponse Failure(Exception exception, BundleEntryRequest entry)
    {
        if (FhirErrorMapper.TryMap(exception) is { } mapped)
        {
            return mapped;
        }

        var correlationId = Guid.NewGuid().ToString("N")[..16];
        LogEntryFailed(_logger, exception, entry.Index, entry.Describe(), correlationId);
        return new ErrorResponse(
            StatusCodes.Status500InternalServerError,
            OperationOutcomeJson.Create("fatal", "exception", $"The server failed to process this entry. Quote correlation id {correlationId} when reporting the problem."));
    }

    /// <summary>Runs one entry as the interaction its method and URL name.</summary>
    private async Task<FhirResult> DispatchAsync(BundleEntryRequest entry, CancellationToken cancellationToken)
    {
        var s = entry.Url.Segments;
        var parameters = QueryParameters.Parse(entry.Url.Query);
        var path = string.Join('/', s);
        switch (entry.Method)
        {
            case BundleEntryMethod.Get or BundleEntryMethod.Head:
                return s.Count switch
                {
                    0 => await _interactions.SearchAsync(null, null, null, parameters, string.Empty, cancellationToken),
                    1 when s[0] == "_history" => await _interactions.HistoryAsync(null, null, parameters, path, cancellationToken),
                    1 => await _interactions.SearchAsync(s[0], null, null, parameters, path, cancellationToken),
                    2 when s[1] == "_history" => await _interactions.HistoryAsync(s[0], null, parameters, path, cancellationToken),
                    2 => await _interactions.ReadAsync(s[0], s[1], Conditions(entry), cancellationToken),
                    3 when s[2] == "_history" => await _interactions.HistoryAsync(s[0], s[1], parameters, path, cancellationToken),
                    3 when s[2] == "$meta" => await _interactions.MetaAsync(s[0], s[1], null, cancellationToken),
                    3 when s[0] == "Patient" && s[2] == "$everything" => await _interactions.EverythingAsync(s[1], parameters, cancellationToken),
                    3 when !s[2].StartsWith('$') => await _interactions.SearchAsync(s[2] == "*" ? null : s[2], s[0], s[1], parameters, path, cancellationToken),
                    4 when s[2] == "_history" => await _interactions.VReadAsync(s[0], s[1], s[3], cancellationToken),
                    _ => throw Unsupported(entry),
                };
            case BundleEntryMethod.Post when s.Count == 1:
                return await _interactions.CreateAsync(s[0], entry.Resource, entry.IfNoneExist, cancellationToken);
            case BundleEntryMethod.Post when s.Count == 2 && s[1] == "_search":
                return await _interactions.SearchAsync(s[0], null, null, parameters, s[0], cancellationToken);
            case BundleEntryMethod.Put when s.Count == 2:
                return await _interactions.UpdateAsync(s[0], s[1], entry.Resource, IfMatch(entry), cancellationToken);
            case BundleEntryMethod.Put when s.Count == 1 && entry.Url.HasQuery:
                return await _interactions.ConditionalUpdateAsync(s[0], entry.Url.Query, entry.Resource, IfMatch(entry), cancellationToken);
            case BundleEntryMethod.Patch when s.Count == 2:
                return await _interactions.PatchAsync(s[0], s[1], PatchOf(entry, entry.Resource), IfMatch(entry), cancellationToken);
            case BundleEntryMethod.Patch when s.Count == 1 && entry.Url.HasQuery:
                return await _interactions.ConditionalPatchAsync(s[0], entry.Url.Query, PatchOf(entry, entry.Resource), IfMatch(entry), cancellationToken);
            case BundleEntryMethod.Delete when s.Count == 2:
                return await _interactions.DeleteAsync(s[0], s[1], IfMatch(entry), cancellationToken);
            case BundleEntryMethod.Delete when s.Count == 1 && entry.Url.HasQuery:
                return await _interactions.ConditionalDeleteAsync(s[0], entry.Url.Query, cancellationToken);
            default:
                throw Unsupported(entry);
        }
    }

    private static InvalidRequestException Unsupported(BundleEntryRequest entry) =>
        new($"{entry.Expression}: {entry.Describe()} is not an interaction this server runs inside a Bundle.", $"{entry.Expression}.request.url");

    private static int? IfMatch(BundleEntryRequest entry) => ETags.ParseIfMatch(entry.IfMatch, $"{entry.Expression}.request.ifMatch");

    private static ReadConditions Conditions(BundleEntryRequest entry)
    {
        DateTimeOffset? since = null;
        if (entry.IfModifiedSince is { Length: > 0 } text)
        {
            since = Core.Primitives.FhirInstant.TryParse(text, out var instant)
                ? instant.Start
                : throw new InvalidRequestException($"{entry.Expression}.request.ifModifiedSince is an instant, not '{text}'.", $"{entry.Expression}.request.ifModifiedSince");
        }

        return new ReadConditions(entry.IfNoneMatch, since);
    }

    /// <summary>
    /// The patch of a PATCH entry: a Parameters resource is a FHIRPath Patch; a Binary with content type
    /// <c>application/json-patch+json</c> carries a JSON Patch in its data (https://hl7.org/fhir/R4/http.html#patch).
    /// </summary>
    private static PatchDocument PatchOf(BundleEntryRequest entry, JsonElement resource)
    {
        var type = resource.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type == "Parameters")
        {
            return new FhirPathPatchDocument(resource);
        }

        if (type == "Binary"
            && resource.TryGetProperty("contentType", out var contentType) && contentType.ValueKind == JsonValueKind.String
            && contentType.GetString()!.StartsWith(FhirMediaTypes.JsonPatch, StringComparison.OrdinalIgnoreCase)
            && resource.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(data.GetBytesFromBase64());
                return new JsonPatchDocument(document.RootElement.Clone());
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new InvalidRequestException($"{entry.Expression}: the Binary's data is not a JSON Patch document: {e.Message}", $"{entry.Expression}.resource.data");
            }
        }

        throw new InvalidRequestException(
            $"{entry.Expression}: a PATCH entry carries a FHIRPath Patch (Parameters) or a JSON Patch (Binary with contentType {FhirMediaTypes.JsonPatch}).",
            $"{entry.Expression}.resource");
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Batch entry {Index} ({Request}) failed unexpectedly, correlation id {CorrelationId}")]
    private static partial void LogEntryFailed(ILogger logger, Exception exception, int index, string request, string correlationId);
}
