using FhirEf.Api.Formatting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirEf.Api.Health;

public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>Tag of the checks that decide readiness (the database among them).</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks). <c>/health/ready</c>: every check tagged
    /// <see cref="ReadyTag"/> passes; otherwise 503 with an OperationOutcome that gives the reason.
    /// </summary>
    public static IEndpointRouteBuilder MapFhirEfHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteOutcomeAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteOutcomeAsync,
        });
        return endpoints;
    }

    private static Task WriteOutcomeAsync(HttpContext context, HealthReport report)
    {
        var healthy = report.Status == HealthStatus.Healthy;
        var diagnostics = report.Entries.Count == 0
            ? "live"
            : string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Status.ToString()}"));
        var outcome = OperationOutcomeJson.Create(
            healthy ? "information" : "error",
            healthy ? "informational" : "transient",
            diagnostics);
        context.Response.ContentType = FhirMediaTypes.JsonWithCharset;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(OperationOutcomeJson.Serialize(outcome), context.RequestAborted);
    }
}
