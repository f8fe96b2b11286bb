using System.Data.Common;
using FhirEf.Api.Formatting;
using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;
using FhirEf.Core.Validation;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.ErrorHandling;

/// <summary>
/// The one place that decides which HTTP status and OperationOutcome an error becomes
/// (https://hl7.org/fhir/R4/http.html#Status-Codes). The exception handler uses it for requests,
/// the batch processor for each failed entry.
/// </summary>
public static class FhirErrorMapper
{
    /// <summary>The response for a typed error, or for a Kestrel request error; null for anything unexpected.</summary>
    public static ErrorResponse? TryMap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TransactionEntryException entry => TryMap(entry.Inner) is { } inner
                ? inner with { Outcome = Outcome(entry, entry.Inner is FhirValidationException v ? Issues(v, entry.Entry) : null) }
                : null,
            FhirValidationException validation => new ErrorResponse(StatusCodes.Status400BadRequest, OperationOutcomeJson.Create(Issues(validation, null))),
            UnprocessableEntityException unprocessable => new ErrorResponse(StatusCodes.Status422UnprocessableEntity, OperationOutcomeJson.Create(unprocessable.Issues)),
            FhirException fhir => new ErrorResponse(StatusOf(fhir), Outcome(fhir, null)),
            BadHttpRequestException bad => new ErrorResponse(
                bad.StatusCode,
                OperationOutcomeJson.Create("error", bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "too-long" : "invalid", bad.Message)),
            _ => DatabaseError(exception),
        };
    }

    /// <summary>
    /// The database gave up on the request for a reason the client can retry: a serialization failure or
    /// deadlock (SQLSTATE 40001, 40P01) is a conflict with concurrent writes (409, https://hl7.org/fhir/R4/http.html#concurrency);
    /// any other transient database error is 503. Read through <see cref="DbException"/>: the API knows no provider.
    /// </summary>
    private static ErrorResponse? DatabaseError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { SqlState: "40001" or "40P01" })
            {
                return new ErrorResponse(StatusCodes.Status409Conflict, OperationOutcomeJson.Create(
                    "error", "conflict", "The request conflicted with concurrent writes (a serialization failure or deadlock) and was rolled back; it can be retried."));
            }

            if (current is DbException { IsTransient: true })
            {
                return new ErrorResponse(StatusCodes.Status503ServiceUnavailable, OperationOutcomeJson.Create(
                    "error", "transient", "The database is briefly unavailable; the request was not carried out and can be retried."));
            }
        }

        return null;
    }

    /// <summary>The status of a typed error: by its type, then by its issue code for types this layer does not know.</summary>
    public static int StatusOf(FhirException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            TransactionEntryException entry => StatusOf(entry.Inner),
            ResourceNotFoundException or ResourceTypeNotSupportedException => StatusCodes.Status404NotFound,
            ResourceGoneException => StatusCodes.Status410Gone,
            ResourceConflictException => StatusCodes.Status409Conflict,
            VersionConflictException or PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
            MethodNotAllowedException => StatusCodes.Status405MethodNotAllowed,
            NotAcceptableException => StatusCodes.Status406NotAcceptable,
            UnsupportedMediaTypeException => StatusCodes.Status415UnsupportedMediaType,
            PayloadTooLargeException or BundleTooLargeException => StatusCodes.Status413PayloadTooLarge,
            UnprocessableEntityException => StatusCodes.Status422UnprocessableEntity,
            _ => exception.IssueCode switch
            {
                "not-found" => StatusCodes.Status404NotFound,
                "deleted" => StatusCodes.Status410Gone,
                "conflict" => StatusCodes.Status409Conflict,
                "multiple-matches" => StatusCodes.Status412PreconditionFailed,
                "business-rule" or "processing" => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status400BadRequest,
            },
        };
    }

    /// <summary>The "HTTP status text" a Bundle.entry.response.status carries: <c>404 Not Found</c>.</summary>
    public static string StatusLine(int status) => status switch
    {
        200 => "200 OK",
        201 => "201 Created",
        204 => "204 No Content",
        304 => "304 Not Modified",
        400 => "400 Bad Request",
        404 => "404 Not Found",
        405 => "405 Method Not Allowed",
        406 => "406 Not Acceptable",
        409 => "409 Conflict",
        410 => "410 Gone",
        412 => "412 Precondition Failed",
        413 => "413 Payload Too Large",
        415 => "415 Unsupported Media Type",
        422 => "422 Unprocessable Entity",
        500 => "500 Internal Server Error",
        503 => "503 Service Unavailable",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static System.Text.Json.Nodes.JsonObject Outcome(FhirException exception, IReadOnlyList<OutcomeIssue>? issues) =>
        OperationOutcomeJson.Create(issues ?? [new OutcomeIssue("error", exception.IssueCode, exception.Message, exception.Expression)]);

    private static List<OutcomeIssue> Issues(FhirValidationException validation, BundleEntryRequest? entry)
    {
        var issues = new List<OutcomeIssue>(validation.Issues.Count);
        foreach (var issue in validation.Issues)
        {
            issues.Add(ToIssue(issue, entry));
        }

        if (issues.Count == 0)
        {
            issues.Add(new OutcomeIssue("error", validation.IssueCode, validation.Message, validation.Expression));
        }

        return issues;
    }

    private static OutcomeIssue ToIssue(ValidationIssue issue, BundleEntryRequest? entry)
    {
        var location = issue.Line is { } line ? $" (line {line}, byte {issue.BytePositionInLine})" : string.Empty;
        var prefix = entry is null ? string.Empty : $"{entry.Expression} ({entry.Describe()}): ";
        var expression = issue.Path.Length == 0 ? entry?.Expression : issue.Path;
        return new OutcomeIssue(
            OperationOutcomeCodes.Code(issue.Severity),
            OperationOutcomeCodes.Code(issue.Code),
            prefix + issue.Message + (issue.Message.Contains("line ", StringComparison.Ordinal) ? string.Empty : location),
            expression);
    }
}
