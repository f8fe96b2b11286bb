using FhirEf.Api.Jobs;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Errors;
using FhirEf.Core.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Controllers;

/// <summary>
/// The NDJSON files of a finished export, streamed from disk (constant memory, range requests allowed).
/// Not a <see cref="FhirControllerBase"/>: the files are <c>application/fhir+ndjson</c>, which FHIR JSON
/// format negotiation would refuse.
/// </summary>
[ApiController]
[Route("fhir/" + ExportController.StatusSegment)]
public sealed class ExportFilesController(IFhirJobStore jobs, TenantContext tenant, IOptions<ExportOptions> options, IWebHostEnvironment environment) : ControllerBase
{
    public const string NdjsonMediaType = "application/fhir+ndjson";

    [HttpGet("{job}/{file}")]
    public async Task<IActionResult> Download(string job, string file, CancellationToken cancellationToken)
    {
        var found = await JobResponses.FindAsync(jobs, job, JobKinds.Export, tenant, cancellationToken);
        var listed = found.Status == JobStatus.Completed && found.ProgressAs<ExportProgress>()?.Files.Any(f => f.Name == file) == true;
        var path = Path.Combine(options.Value.JobFolder(environment.ContentRootPath, found.Id), file);
        if (!listed || !System.IO.File.Exists(path))
        {
            throw new ResourceNotFoundException($"Export {job} has no file '{file}'.");
        }

        return PhysicalFile(path, NdjsonMediaType, enableRangeProcessing: true);
    }
}
