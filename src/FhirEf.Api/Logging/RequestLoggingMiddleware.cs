using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirEf.Api.Logging;

/// <summary>
/// Gives every request an id (the client's <c>X-Request-Id</c> when it is a sane token, a new one
/// otherwise; returned in <c>X-Request-Id</c>, and <c>X-Correlation-Id</c> echoes a replaced client id,
/// https://hl7.org/fhir/R4/http.html#custom), logs inside a scope that carries it, and writes one
/// structured line per request: method, path (never the query: it may hold PHI), status, bytes, duration.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    private const int MaxRequestIdLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var clientId = context.Request.Headers["X-Request-Id"].ToString();
        var requestId = IsSane(clientId) ? clientId : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        // Set when the response starts: the exception handler clears the headers of a failed request.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Request-Id"] = requestId;
            if (clientId.Length > 0 && clientId != requestId)
            {
                context.Response.Headers["X-Correlation-Id"] = clientId.Length > MaxRequestIdLength ? clientId[..MaxRequestIdLength] : clientId;
            }

            return Task.CompletedTask;
        });

        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId });
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogRequest(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, context.Response.StatusCode, context.Response.ContentLength, elapsed.TotalMilliseconds, requestId);
        }
    }

    private static bool IsSane(string id) =>
        id.Length is > 0 and <= MaxRequestIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "{Method} {Path} -> {Status} ({Bytes} bytes) in {ElapsedMs:0.0} ms [{RequestId}]")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, long? bytes, double elapsedMs, string requestId);
}
