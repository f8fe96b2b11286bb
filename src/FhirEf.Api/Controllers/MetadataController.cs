using FhirEf.Api.Capabilities;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using FhirEf.Api.Interactions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>The capabilities interaction (https://hl7.org/fhir/R4/http.html#capabilities), with an ETag, 304 on If-None-Match, and _summary/_elements.</summary>
[Route("fhir/metadata")]
public sealed class MetadataController(CapabilityStatementBuilder capabilities, FhirRequestContext context) : FhirControllerBase
{
    [HttpGet]
    [HttpHead]
    public FhirActionResult Get()
    {
        var document = capabilities.Get(context.BaseUrl);
        Response.Headers.ETag = document.ETag;
        var ifNoneMatch = Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Contains(document.ETag, StringComparer.Ordinal))
        {
            return Fhir(new FhirResult(StatusCodes.Status304NotModified));
        }

        return Fhir(new FhirResult(StatusCodes.Status200OK) { Body = new ResourceBody(document.Json) });
    }
}
