using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using FhirEf.Api.Interactions;
using FhirEf.Api.Jobs;
using FhirEf.Api.Requests;
using FhirEf.Core.Bulk;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>
/// <c>$import</c>, asynchronous in the style of the Bulk Data IG: the kick-off answers 202 with
/// <c>Content-Location</c> of a status URL; the status answers 202 (with <c>X-Progress</c>) while the job
/// runs, then 200 with the output counts and the URL of an NDJSON file of OperationOutcomes, one per
/// refused resource. A DELETE of the status URL cancels the job.
/// </summary>
[Route("fhir")]
public sealed class ImportController(IImportJobService imports, FhirRequestReader reader, FhirRequestContext context) : FhirControllerBase
{
    [HttpPost("$import")]
    public async Task<FhirActionResult> KickOff(CancellationToken cancellationToken)
    {
        var parameters = await reader.ReadResourceAsync(Request, cancellationToken);
        var (inputs, indexing) = ImportManifest.Parse(parameters);
        var job = await imports.SubmitAsync(inputs, indexing, cancellationToken);
        Response.Headers.ContentLocation = StatusUrl(job.Id);
        return Fhir(new FhirResult(StatusCodes.Status202Accepted)
        {
            Body = new JsonNodeBody(OperationOutcomeJson.Create("information", "informational", $"Import job {job.Id} accepted; poll {StatusUrl(job.Id)}.")),
        });
    }

    [HttpGet("_import/{id}")]
    public async Task<FhirActionResult> Status(string id, CancellationToken cancellationToken)
    {
        var job = await imports.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException($"There is no import job '{id}'.");
        if (job.Status == ImportJobStatus.Cancelled)
        {
            throw new ResourceNotFoundException($"Import job '{id}' was cancelled.");
        }

        var progress = $"{job.Inputs.Count(i => i.Done)} of {job.Inputs.Count} inputs, {job.Resources} resources, {job.Errors} errors";
        Response.Headers["X-Progress"] = progress;
        return job.Status switch
        {
            ImportJobStatus.Queued or ImportJobStatus.Running => Fhir(new FhirResult(StatusCodes.Status202Accepted)
            {
                Body = new JsonNodeBody(OperationOutcomeJson.Create("information", "informational", $"Import job {id} is {job.Status.ToString().ToLowerInvariant()}: {progress}.")),
            }),
            ImportJobStatus.Failed => Fhir(new FhirResult(StatusCodes.Status500InternalServerError)
            {
                Body = new JsonNodeBody(OperationOutcomeJson.Create("error", "exception", $"Import job {id} failed: {job.Message}")),
            }),
            _ => Fhir(new FhirResult(StatusCodes.Status200OK) { Body = new JsonNodeBody(Manifest(job)) }),
        };
    }

    /// <summary>
    /// Cancels a queued or running import (202): the batch in flight commits, no batch after it writes anything;
    /// the batches committed stay (they are complete, versioned writes). Afterwards the status URL answers 404, as for <c>$export</c>.
    /// </summary>
    [HttpDelete("_import/{id}")]
    public async Task<FhirActionResult> Cancel(string id, CancellationToken cancellationToken)
    {
        if (!await imports.CancelAsync(id, cancellationToken))
        {
            throw new ResourceNotFoundException($"There is no import job '{id}'.");
        }

        return Fhir(new FhirResult(StatusCodes.Status202Accepted)
        {
            Body = new JsonNodeBody(OperationOutcomeJson.Create("information", "informational", $"Import job {id} is cancelled; the batches committed before stay.")),
        });
    }

    /// <summary>The refused resources as NDJSON OperationOutcomes, streamed.</summary>
    [HttpGet("_import/{id}/errors.ndjson")]
    public async Task Errors(string id, CancellationToken cancellationToken)
    {
        _ = await imports.GetAsync(id, cancellationToken) ?? throw new ResourceNotFoundException($"There is no import job '{id}'.");
        Response.ContentType = "application/fhir+ndjson";
        await foreach (var error in imports.ErrorsAsync(id, cancellationToken))
        {
            var outcome = OperationOutcomeJson.Create("error", "processing", $"{error.Url} record {error.Position}: {error.Message}");
            await Response.Body.WriteAsync(Encoding.UTF8.GetBytes(outcome.ToJsonString() + "\n"), cancellationToken);
        }
    }

    private JsonObject Manifest(ImportJob job)
    {
        var output = new JsonArray();
        foreach (var input in job.Inputs)
        {
            output.Add(new JsonObject { ["type"] = input.Input.ResourceType, ["inputUrl"] = input.Input.Url, ["count"] = input.Resources });
        }

        var errors = new JsonArray();
        if (job.Errors > 0)
        {
            errors.Add(new JsonObject { ["type"] = "OperationOutcome", ["url"] = StatusUrl(job.Id) + "/errors.ndjson", ["count"] = job.Errors });
        }

        var manifest = new JsonObject
        {
            ["transactionTime"] = job.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["request"] = context.BaseUrl + "/$import",
            ["output"] = output,
            ["error"] = errors,
        };
        if (job.ReindexJobId is { } reindex)
        {
            // The Bulk Data IG reserves "extension" for such additions: where to follow the indexing of a load-now-index-later import.
            manifest["extension"] = new JsonObject { ["reindex"] = JobResponses.StatusUrl(context.BaseUrl, ReindexController.StatusSegment, reindex) };
        }

        return manifest;
    }

    private string StatusUrl(string id) => $"{context.BaseUrl}/_import/{id}";
}
