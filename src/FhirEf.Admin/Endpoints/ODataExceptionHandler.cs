using FhirEf.Admin.Payloads;
using FhirEf.Core.Reporting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.OData;

namespace FhirEf.Admin.Endpoints;

/// <summary>
/// The admin API's one error mapping, for requests under <c>/odata</c> (the FHIR handler leaves them
/// alone): bad URLs, unknown properties and unsupported constructs are 400, a missing entity 404, an
/// unacceptable format 406, a query past the statement timeout 503; anything else is a 500 that names
/// a correlation id and no internals. Every body is an OData error payload.
/// </summary>
internal sealed partial class ODataExceptionHandler(ILogger<ODataExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments(ODataEndpoint.RoutePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var (status, message) = exception switch
        {
            ODataContentTypeException => (StatusCodes.Status406NotAcceptable, exception.Message),
            ODataException or InvalidReportingQueryException or UriFormatException => (StatusCodes.Status400BadRequest, exception.Message),
            ODataEntityNotFoundException => (StatusCodes.Status404NotFound, exception.Message),
            ReportingTimeoutException => (StatusCodes.Status503ServiceUnavailable, exception.Message),
            _ => (StatusCodes.Status500InternalServerError,
                $"The server failed to process the request. Quote correlation id {httpContext.TraceIdentifier} when reporting the problem."),
        };
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(logger, exception, httpContext.TraceIdentifier, httpContext.Request.Path.Value);
        }
        else
        {
            LogRejected(logger, status, exception.GetType().Name, exception.Message);
        }

        httpContext.Response.Clear();
        await ODataErrors.WriteAsync(httpContext.Response, status, message, cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected OData error, correlation id {CorrelationId}, in {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string correlationId, string? path);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "OData request rejected with {Status}: {ErrorType}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string errorType, string reason);
}
