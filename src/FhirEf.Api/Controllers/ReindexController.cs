using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Api.Interactions;
using FhirEf.Api.Jobs;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>
/// <c>$reindex</c> of the tenant, a type or an instance: rewrites the search columns of rows indexed by an
/// older indexer (or of the instance, whatever its version) as an asynchronous job; docs/bulk-export-reindex.md.
/// </summary>
[Route("fhir")]
public sealed class ReindexController(
    FhirInteractions interactions, IFhirRepository repository, IFhirJobStore jobs, TenantContext tenant, FhirRequestContext context) : FhirControllerBase
{
    public const string StatusSegment = "_reindex";

    [HttpPost("$reindex")]
    public Task<FhirActionResult> ReindexSystem(CancellationToken cancellationToken) => StartAsync(new ReindexRequest(tenant.ProjectId, null, null), cancellationToken);

    [HttpPost("{type}/$reindex")]
    public Task<FhirActionResult> ReindexType(string type, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        return StartAsync(new ReindexRequest(tenant.ProjectId, type, null), cancellationToken);
    }

    [HttpPost("{type}/{id}/$reindex")]
    public async Task<FhirActionResult> ReindexInstance(string type, string id, CancellationToken cancellationToken)
    {
        interactions.RequireType(type);
        FhirInteractions.RequireId(id);
        if (!await repository.ExistsAsync(type, id, cancellationToken))
        {
            throw new ResourceNotFoundException($"{type}/{id} is not known.");
        }

        return await StartAsync(new ReindexRequest(tenant.ProjectId, type, id), cancellationToken);
    }

    /// <summary>The job's status: 202 with <c>X-Progress</c>, then 200 with a Parameters of the counts.</summary>
    [HttpGet(StatusSegment + "/{job}")]
    public async Task<FhirActionResult> Status(string job, CancellationToken cancellationToken)
    {
        var found = await JobResponses.FindAsync(jobs, job, JobKinds.Reindex, tenant, cancellationToken);
        var progress = found.ProgressAs<ReindexProgress>();
        return found.Status switch
        {
            JobStatus.Failed => Fhir(JobResponses.Failed(found)),
            JobStatus.Completed => Fhir(new FhirResult(StatusCodes.Status200OK) { Body = new JsonNodeBody(Result(progress)) }),
            _ => Fhir(JobResponses.InProgress(Response, progress is null
                ? "queued"
                : $"{progress.Processed} of {progress.Total} resources reindexed ({progress.CurrentType ?? "finishing"})")),
        };
    }

    /// <summary>Cancels the job: it stops after its current batch; rows already rewritten stay rewritten.</summary>
    [HttpDelete(StatusSegment + "/{job}")]
    public async Task<FhirActionResult> Cancel(string job, CancellationToken cancellationToken)
    {
        var found = await JobResponses.FindAsync(jobs, job, JobKinds.Reindex, tenant, cancellationToken);
        await jobs.CancelAsync(found.Id, cancellationToken);
        return Fhir(new FhirResult(StatusCodes.Status202Accepted));
    }

    private async Task<FhirActionResult> StartAsync(ReindexRequest request, CancellationToken cancellationToken)
    {
        var job = await jobs.CreateAsync(JobKinds.Reindex, request, cancellationToken);
        return Fhir(JobResponses.Accepted(Response, JobResponses.StatusUrl(context.BaseUrl, StatusSegment, job.Id), "The reindex"));
    }

    private static JsonObject Result(ReindexProgress? progress) => new()
    {
        ["resourceType"] = "Parameters",
        ["parameter"] = new JsonArray(
            JobResponses.Parameter("processed", progress?.Processed ?? 0, "valueDecimal"),
            JobResponses.Parameter("total", progress?.Total ?? 0, "valueDecimal")),
    };
}
