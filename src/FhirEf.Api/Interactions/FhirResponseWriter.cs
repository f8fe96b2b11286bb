using System.Globalization;
using System.Text;
using System.Text.Json;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Interactions;

/// <summary>
/// Writes a <see cref="FhirResult"/> as an HTTP response: status, ETag, Last-Modified and Location,
/// the body that <c>Prefer: return</c> asks for on writes, and the body itself: a stored resource is
/// sent byte for byte with a Content-Length, everything else is written with a Utf8JsonWriter straight
/// into the response pipe.
/// </summary>
public static class FhirResponseWriter
{
    public static async Task WriteAsync(HttpContext http, FhirResult result, FhirRequestContext request, ResourceProjector projector)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var response = http.Response;
        response.StatusCode = result.Status;
        if (result.Version is { } version)
        {
            response.Headers.ETag = ETags.Format(version.VersionId);
            response.Headers.LastModified = version.LastUpdated.ToString("r", CultureInfo.InvariantCulture);
        }

        if (result.Location is { } location)
        {
            response.Headers.Location = $"{request.BaseUrl}/{location}";
        }

        var body = result.Body;
        if (result.IsWrite)
        {
            body = request.Prefer.Return switch
            {
                ReturnPreference.Minimal => null,
                ReturnPreference.OperationOutcome => new JsonNodeBody(OperationOutcomeJson.Create(
                    "information", "informational", result.Information ?? $"{result.Status} {ReasonOf(result.Status)}")),
                _ => body,
            };
        }

        if (body is null || result.Status == StatusCodes.Status304NotModified)
        {
            return;
        }

        if (result.Status == StatusCodes.Status204NoContent)
        {
            // A body was asked for (Prefer: return=OperationOutcome): 204 cannot carry one.
            response.StatusCode = StatusCodes.Status200OK;
        }

        response.ContentType = request.Format.MediaType;
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        var context = new BodyContext(request.BaseUrl, projector, request.Format);
        if (body is ResourceBody resource && ResourceBody.IsVerbatim(context, request.Format.Pretty))
        {
            var bytes = Encoding.UTF8.GetBytes(resource.Json);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, http.RequestAborted);
            return;
        }

        var pipe = response.BodyWriter;
        using (var writer = new Utf8JsonWriter(pipe, FhirJson.Writer(request.Format.Pretty)))
        {
            body.WriteTo(writer, context);
        }

        await pipe.FlushAsync(http.RequestAborted);
    }

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
