using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FhirEf.Api.Configuration;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Patching;
using FhirEf.Core.Errors;
using FhirEf.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FhirEf.Api.Requests;

/// <summary>
/// Reads request bodies: checks the Content-Type (415), enforces the size limit (413), parses the
/// JSON once (400 with line and position when it is malformed) and validates resources against the
/// StructureDefinitions (400 with every issue). The parsed document lives as long as the request.
/// </summary>
public sealed class FhirRequestReader(ResourceValidator validator, IOptions<FhirApiOptions> options)
{
    private const int MaxDepth = ResourceValidatorOptions.DefaultMaxDepth;

    private readonly long _limit = options.Value.MaxRequestBodyBytes;

    /// <summary>A FHIR resource in JSON, structurally valid.</summary>
    public async Task<JsonElement> ReadResourceAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireContentType(request, FhirMediaTypes.IsJson, FhirMediaTypes.Json);
        var root = await ParseAsync(request, cancellationToken);
        validator.Validate(root).ThrowIfInvalid();
        return root;
    }

    /// <summary>Validates a resource that did not come straight from the body (a patched resource, a Parameters' part).</summary>
    public ValidationResult Validate(JsonElement resource) => validator.Validate(resource);

    /// <summary>Any JSON body whose media type <paramref name="accepts"/> allows; not validated as a resource.</summary>
    public async Task<JsonElement> ReadJsonAsync(HttpRequest request, Func<string, bool> accepts, string expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireContentType(request, accepts, expected);
        return await ParseAsync(request, cancellationToken);
    }

    /// <summary>
    /// A PATCH body: <c>application/json-patch+json</c> is a JSON Patch, FHIR JSON a FHIRPath Patch
    /// (a Parameters resource); XML Patch is not read (415).
    /// </summary>
    public async Task<PatchDocument> ReadPatchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeOf(request).Equals(FhirMediaTypes.JsonPatch, StringComparison.OrdinalIgnoreCase)
            ? new JsonPatchDocument(await ReadJsonAsync(request, _ => true, FhirMediaTypes.JsonPatch, cancellationToken))
            : new FhirPathPatchDocument(await ReadResourceAsync(request, cancellationToken));
    }

    /// <summary>The media type of the body (without parameters), after the checks every body gets; 415 when there is none.</summary>
    public static string MediaTypeOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Length == 0)
        {
            throw new UnsupportedMediaTypeException(
                $"The request has {(string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"the Content-Type '{request.ContentType}', which is not a media type")}; send {FhirMediaTypes.Json}.");
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnsupportedMediaTypeException($"FHIR bodies are UTF-8 ({FhirMediaTypes.Json}; charset=utf-8); the request says charset={contentType.Charset}.");
        }

        foreach (var parameter in contentType.Parameters)
        {
            if (parameter.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase) && !parameter.Value.StartsWith("4.0", StringComparison.Ordinal))
            {
                throw new UnsupportedMediaTypeException($"This server reads FHIR 4.0 (R4, {FhirMediaTypes.Json}; fhirVersion=4.0); the request body says fhirVersion={parameter.Value}.");
            }
        }

        return contentType.MediaType.Value!;
    }

    /// <summary>An <c>application/x-www-form-urlencoded</c> body (POST _search) as parameters, in order.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return [];
        }

        RequireContentType(request, m => m.Equals(FhirMediaTypes.FormUrlEncoded, StringComparison.OrdinalIgnoreCase), FhirMediaTypes.FormUrlEncoded);
        RequireLength(request);
        using var reader = new StreamReader(new LimitedReadStream(request.Body, _limit), Encoding.UTF8);
        return QueryParameters.Parse(await reader.ReadToEndAsync(cancellationToken));
    }

    private static void RequireContentType(HttpRequest request, Func<string, bool> accepts, string expected)
    {
        var mediaType = MediaTypeOf(request);
        if (!accepts(mediaType))
        {
            throw new UnsupportedMediaTypeException(
                mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase)
                    ? $"This server reads and writes FHIR JSON only; send {expected} instead of {mediaType}."
                    : $"This interaction reads {expected}; the request body is {mediaType}.");
        }
    }

    private void RequireLength(HttpRequest request)
    {
        if (request.ContentLength > _limit)
        {
            throw new PayloadTooLargeException(_limit);
        }
    }

    private async Task<JsonElement> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        RequireLength(request);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(
                new LimitedReadStream(request.Body, _limit),
                new JsonDocumentOptions { MaxDepth = MaxDepth },
                cancellationToken);
        }
        catch (JsonException exception)
        {
            throw Malformed(exception);
        }

        request.HttpContext.Response.RegisterForDispose(document);
        if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(document.RootElement)))
        {
            throw new FhirValidationException([new ValidationIssue(IssueSeverity.Fatal, IssueType.Structure, string.Empty, "the JSON is not valid UTF-8")]);
        }

        return document.RootElement;
    }

    private static FhirValidationException Malformed(JsonException exception)
    {
        var reason = exception.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        reason = cut > 0 ? reason[..cut] : reason;
        var line = (exception.LineNumber ?? 0) + 1;
        var position = (exception.BytePositionInLine ?? 0) + 1;
        var code = reason.Contains("maximum configured depth", StringComparison.Ordinal) ? IssueType.TooCostly : IssueType.Structure;
        return new FhirValidationException([new ValidationIssue(IssueSeverity.Fatal, code, string.Empty, $"malformed JSON at line {line}, byte {position}: {reason}")]);
    }
}
