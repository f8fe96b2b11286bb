using FhirEf.Api.Formatting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.ErrorHandling;

/// <summary>
/// An OperationOutcome body for the errors the framework answers itself, before any FHIR code runs:
/// no route (404), a method the route does not take (405).
/// </summary>
internal static class StatusCodeOutcomes
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal) || http.Response.HasStarted)
        {
            return;
        }

        var status = http.Response.StatusCode;
        var (code, diagnostics) = status switch
        {
            StatusCodes.Status404NotFound => ("not-found", $"There is no FHIR interaction at {http.Request.Method} {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("not-supported", $"{http.Request.Method} is not allowed on {http.Request.Path}."),
            StatusCodes.Status413PayloadTooLarge => ("too-long", "The request body is larger than this server accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("not-supported", "The request body's Content-Type is not one this interaction reads."),
            _ => ("processing", $"The request failed with HTTP status {status}."),
        };
        http.Response.ContentType = FhirMediaTypes.JsonWithCharset;
        await http.Response.WriteAsync(OperationOutcomeJson.Serialize(OperationOutcomeJson.Create("error", code, diagnostics)), http.RequestAborted);
    }
}
