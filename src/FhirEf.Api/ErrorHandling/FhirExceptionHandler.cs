using FhirEf.Api.Formatting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FhirEf.Api.ErrorHandling;

/// <summary>
/// The one exception handler of the server: typed errors become their status and an
/// OperationOutcome; anything else becomes a 500 OperationOutcome that names a correlation id (the
/// request id, also in <c>X-Request-Id</c>) and no internals, and is logged with that id.
/// Requests under <c>/odata</c> are left to the admin API's own error format.
/// </summary>
internal sealed partial class FhirExceptionHandler(ILogger<FhirExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.Request.Path.StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is nobody to answer.
            LogAborted(logger, httpContext.TraceIdentifier);
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var response = FhirErrorMapper.TryMap(exception);
        if (response is null)
        {
            var correlationId = httpContext.TraceIdentifier;
            LogUnexpected(logger, exception, correlationId, httpContext.Request.Method, httpContext.Request.Path.Value);
            response = new ErrorResponse(
                StatusCodes.Status500InternalServerError,
                OperationOutcomeJson.Create(
                    "fatal",
                    "exception",
                    $"The server failed to process the request. Quote correlation id {correlationId} when reporting the problem."));
        }
        else
        {
            LogRejected(logger, response.Status, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.StatusCode = response.Status;
        httpContext.Response.ContentType = FhirMediaTypes.JsonWithCharset;
        httpContext.Response.Headers.CacheControl = "no-store";
        await httpContext.Response.WriteAsync(OperationOutcomeJson.Serialize(response.Outcome), cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error, correlation id {CorrelationId}, in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string method, string? path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Request rejected with {Status}: {ErrorType}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string errorType, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Request {RequestId} aborted by the client")]
    private static partial void LogAborted(ILogger logger, string requestId);
}
