using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Api.Interactions;
using FhirEf.Api.Jobs;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Definitions;
using FhirEf.Core.Errors;
using FhirEf.Core.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Controllers;

/// <summary>
/// Bulk Data export (https://hl7.org/fhir/uv/bulkdata/export.html): kick-off at system, Patient and Group
/// level, status polling (202 with <c>X-Progress</c>, then 200 with the manifest) and DELETE to cancel.
/// The files are served by <see cref="ExportFilesController"/>.
/// </summary>
[Route("fhir")]
public sealed class ExportController(
    FhirInteractions interactions,
    IFhirRepository repository,
    IFhirSearchService search,
    IFhirJobStore jobs,
    FhirDefinitions definitions,
    TenantContext tenant,
    FhirRequestContext context,
    IOptions<ExportOptions> options,
    IWebHostEnvironment environment) : FhirControllerBase
{
    public const string StatusSegment = "_export";

    [HttpGet("$export")]
    public Task<FhirActionResult> ExportSystem(CancellationToken cancellationToken) => KickOffAsync(ExportLevel.System, null, cancellationToken);

    [HttpGet("Patient/$export")]
    public Task<FhirActionResult> ExportPatients(CancellationToken cancellationToken) => KickOffAsync(ExportLevel.Patient, null, cancellationToken);

    [HttpGet("Group/{id}/$export")]
    public async Task<FhirActionResult> ExportGroup(string id, CancellationToken cancellationToken)
    {
        FhirInteractions.RequireId(id);
        var group = await repository.ReadAsync("Group", id, cancellationToken);
        if (group is null || group.Deleted)
        {
            throw new ResourceNotFoundException($"Group/{id} is not known.");
        }

        return await KickOffAsync(ExportLevel.Group, id, cancellationToken);
    }

    [HttpGet(StatusSegment + "/{job}")]
    public async Task<FhirActionResult> Status(string job, CancellationToken cancellationToken)
    {
        var found = await JobResponses.FindAsync(jobs, job, JobKinds.Export, tenant, cancellationToken);
        var progress = found.ProgressAs<ExportProgress>();
        return found.Status switch
        {
            JobStatus.Failed => Fhir(JobResponses.Failed(found)),
            JobStatus.Completed => Fhir(new FhirResult(StatusCodes.Status200OK) { Body = new JsonNodeBody(Manifest(found, progress!)) }),
            _ => Fhir(JobResponses.InProgress(Response, progress is null
                ? "queued"
                : $"{progress.Exported} resources exported ({progress.FinishedTypes.Count} of {progress.Types.Count} types done)")),
        };
    }

    /// <summary>Cancels a running export, or deletes a finished one's files; the status URL answers 404 afterwards.</summary>
    [HttpDelete(StatusSegment + "/{job}")]
    public async Task<FhirActionResult> Cancel(string job, CancellationToken cancellationToken)
    {
        var found = await JobResponses.FindAsync(jobs, job, JobKinds.Export, tenant, cancellationToken);
        await jobs.CancelAsync(found.Id, cancellationToken);
        var folder = options.Value.JobFolder(environment.ContentRootPath, found.Id);
        if (found.Status is JobStatus.Completed or JobStatus.Failed && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Fhir(new FhirResult(StatusCodes.Status202Accepted));
    }

    private async Task<FhirActionResult> KickOffAsync(ExportLevel level, string? groupId, CancellationToken cancellationToken)
    {
        if (!Request.Headers["Prefer"].Any(p => p?.Contains("respond-async", StringComparison.OrdinalIgnoreCase) == true))
        {
            throw new InvalidRequestException("$export is asynchronous: send 'Prefer: respond-async' (https://hl7.org/fhir/uv/bulkdata/export.html).");
        }

        var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Request.Path}{Request.QueryString}";
        var request = await ExportKickoff.ReadAsync(QueryList, level, groupId, tenant.ProjectId, url, definitions, search, cancellationToken);
        interactions.RequireType(level == ExportLevel.Group ? "Group" : "Patient");
        var job = await jobs.CreateAsync(JobKinds.Export, request, cancellationToken);
        return Fhir(JobResponses.Accepted(Response, JobResponses.StatusUrl(context.BaseUrl, StatusSegment, job.Id), "The export"));
    }

    private JsonObject Manifest(FhirJob job, ExportProgress progress)
    {
        var request = job.RequestAs<ExportRequest>();
        var output = new JsonArray();
        foreach (var file in progress.Files)
        {
            output.Add(new JsonObject
            {
                ["type"] = file.Type,
                ["url"] = $"{JobResponses.StatusUrl(context.BaseUrl, StatusSegment, job.Id)}/{file.Name}",
                ["count"] = file.Count,
            });
        }

        return new JsonObject
        {
            ["transactionTime"] = progress.TransactionTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["request"] = request.RequestUrl,
            ["requiresAccessToken"] = false,
            ["output"] = output,
            ["error"] = new JsonArray(),
        };
    }
}
