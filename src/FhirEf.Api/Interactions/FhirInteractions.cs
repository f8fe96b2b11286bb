using System.Globalization;
using FhirEf.Api.Configuration;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Patching;
using FhirEf.Api.Requests;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Interactions;

/// <summary>
/// The FHIR RESTful interactions (https://hl7.org/fhir/R4/http.html), independent of how they arrive:
/// the controllers call them for HTTP requests, the batch and transaction processor for Bundle entries.
/// Each returns a <see cref="FhirResult"/> or throws a typed error.
/// </summary>
public sealed partial class FhirInteractions
{
    private readonly IServiceProvider _services;
    private readonly IFhirRepository _repository;
    private readonly FhirDefinitions _definitions;
    private readonly FhirRequestReader _reader;
    private readonly PatchApplier _patcher;
    private readonly FhirRequestContext _context;
    private readonly FhirApiOptions _options;

    public FhirInteractions(
        IServiceProvider services,
        IFhirRepository repository,
        FhirDefinitions definitions,
        FhirRequestReader reader,
        PatchApplier patcher,
        FhirRequestContext context,
        IOptions<FhirApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _services = services;
        _repository = repository;
        _definitions = definitions;
        _reader = reader;
        _patcher = patcher;
        _context = context;
        _options = options.Value;
    }

    /// <summary>read (https://hl7.org/fhir/R4/http.html#read), with conditional read: 304 when the client's copy is current.</summary>
    public async Task<FhirResult> ReadAsync(string resourceType, string id, ReadConditions conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        RequireType(resourceType);
        RequireId(id);
        var version = await _repository.ReadAsync(resourceType, id, cancellationToken)
            ?? throw new ResourceNotFoundException($"{resourceType}/{id} is not known.");
        if (version.Deleted)
        {
            return Gone(version);
        }

        if (ETagMatches(conditions.IfNoneMatch, version) || NotModifiedSince(conditions.IfModifiedSince, version))
        {
            return new FhirResult(StatusCodes.Status304NotModified) { Version = version };
        }

        return new FhirResult(StatusCodes.Status200OK) { Version = version, Body = new ResourceBody(version.Json!) };
    }

    /// <summary>vread (https://hl7.org/fhir/R4/http.html#vread): 404 for a version that never existed, 410 for a deletion.</summary>
    public async Task<FhirResult> VReadAsync(string resourceType, string id, string versionId, CancellationToken cancellationToken)
    {
        RequireType(resourceType);
        RequireId(id);
        if (!int.TryParse(versionId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            throw new ResourceNotFoundException($"{resourceType}/{id} has no version '{versionId}': versions are numbered from 1.");
        }

        var version = await _repository.ReadVersionAsync(resourceType, id, number, cancellationToken)
            ?? throw new ResourceNotFoundException($"{resourceType}/{id} has no version {number}.");
        return version.Deleted
            ? Gone(version)
            : new FhirResult(StatusCodes.Status200OK) { Version = version, Body = new ResourceBody(version.Json!) };
    }

    /// <summary>Throws unless <paramref name="resourceType"/> is a concrete R4 resource type (404 otherwise).</summary>
    public void RequireType(string? resourceType)
    {
        // Route values arrive null when they are blank.
        if (string.IsNullOrWhiteSpace(resourceType) || !_definitions.Structures.IsConcreteResourceType(resourceType))
        {
            throw new ResourceTypeNotSupportedException(resourceType ?? string.Empty);
        }
    }

    /// <summary>Throws unless <paramref name="id"/> has the FHIR id syntax <c>[A-Za-z0-9\-\.]{1,64}</c> (400 otherwise).</summary>
    public static void RequireId(string? id)
    {
        if (!IsValidId(id))
        {
            throw new InvalidRequestException(
                id is not null && id.StartsWith('$')
                    ? $"There is no operation '{id}' here."
                    : $"'{id}' is not a valid resource id: 1 to 64 of A-Z, a-z, 0-9, '-' and '.' (https://hl7.org/fhir/R4/datatypes.html#id).");
        }
    }

    public static bool IsValidId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static FhirResult Gone(ResourceVersion version) => new(StatusCodes.Status410Gone)
    {
        Version = version,
        Body = new JsonNodeBody(OperationOutcomeJson.Create(
            "error", "deleted", $"{version.ResourceType}/{version.Id} was deleted (version {version.VersionId}).")),
    };

    private static bool ETagMatches(string? ifNoneMatch, ResourceVersion version) =>
        Headers.ETags.IfNoneMatchHolds(ifNoneMatch, version.VersionId);

    /// <summary>HTTP dates have whole seconds: the resource is unmodified when its last update is in or before that second.</summary>
    private static bool NotModifiedSince(DateTimeOffset? since, ResourceVersion version) =>
        since is { } instant && version.LastUpdated.UtcTicks - (version.LastUpdated.UtcTicks % TimeSpan.TicksPerSecond) <= instant.UtcTicks;

    private IFhirSearchService Search =>
        _services.GetService<IFhirSearchService>() ?? throw new NotSupportedRequestException("Search is not available on this server.");

    private IFhirConditionalOperations Conditional =>
        _services.GetService<IFhirConditionalOperations>() ?? throw new NotSupportedRequestException("Conditional interactions are not available on this server.");
}
