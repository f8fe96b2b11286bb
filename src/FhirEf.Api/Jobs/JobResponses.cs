using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Api.Interactions;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Jobs;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Jobs;

/// <summary>
/// What the asynchronous request pattern (https://hl7.org/fhir/R4/async.html) answers: 202 with
/// <c>Content-Location</c> at kick-off, 202 with <c>X-Progress</c> while the job runs, the job's result
/// when it is done, an OperationOutcome when it failed, 404 once it is cancelled or for another tenant's job.
/// </summary>
internal static class JobResponses
{
    public static FhirResult Accepted(HttpResponse response, string statusUrl, string what)
    {
        response.Headers.ContentLocation = statusUrl;
        return new FhirResult(StatusCodes.Status202Accepted)
        {
            Body = new JsonNodeBody(OperationOutcomeJson.Create("information", "informational", $"{what} started; poll {statusUrl} for its status.")),
        };
    }

    public static FhirResult InProgress(HttpResponse response, string progress)
    {
        response.Headers["X-Progress"] = progress;
        response.Headers.RetryAfter = "1";
        return new FhirResult(StatusCodes.Status202Accepted);
    }

    public static FhirResult Failed(FhirJob job) => new(StatusCodes.Status500InternalServerError)
    {
        Body = new JsonNodeBody(OperationOutcomeJson.Create("error", "exception", $"The {job.Kind} job {job.Id:N} failed: {job.Error}")),
    };

    /// <summary>The job, if it exists, is of <paramref name="kind"/>, belongs to the tenant and was not cancelled; otherwise 404.</summary>
    public static async Task<FhirJob> FindAsync(IFhirJobStore store, string jobId, string kind, TenantContext tenant, CancellationToken cancellationToken)
    {
        var job = Guid.TryParse(jobId, out var id) ? await store.GetAsync(id, cancellationToken) : null;
        if (job is null || job.Kind != kind || job.Status == JobStatus.Cancelled || ProjectOf(job) != tenant.ProjectId)
        {
            throw new ResourceNotFoundException($"There is no {kind} job '{jobId}'.");
        }

        return job;
    }

    public static string StatusUrl(string baseUrl, string segment, Guid id) => $"{baseUrl}/{segment}/{id:N}";

    private static string? ProjectOf(FhirJob job) =>
        job.Request.TryGetProperty("projectId", out var project) ? project.GetString() : null;

    public static JsonObject Parameter(string name, JsonNode value, string valueType) => new() { ["name"] = name, [valueType] = value };
}
