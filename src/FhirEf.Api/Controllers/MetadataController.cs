using System.Reflection;
using System.Text.Json.Nodes;
using FhirEf.Api.Formatting;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>The capabilities interaction (https://hl7.org/fhir/R4/http.html#capabilities).</summary>
[ApiController]
[Route("fhir/metadata")]
public sealed class MetadataController : ControllerBase
{
    private static readonly string SoftwareVersion =
        typeof(MetadataController).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";

    [HttpGet]
    public ContentResult Get()
    {
        var capabilityStatement = new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["status"] = "active",
            ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"),
            ["kind"] = "instance",
            ["software"] = new JsonObject { ["name"] = "FhirEf", ["version"] = SoftwareVersion },
            ["implementation"] = new JsonObject
            {
                ["description"] = "FhirEf FHIR R4 server",
                ["url"] = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/fhir",
            },
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray("application/fhir+json", "application/json"),
            ["rest"] = new JsonArray(new JsonObject { ["mode"] = "server" }),
        };
        return Content(capabilityStatement.ToJsonString(), FhirMediaTypes.JsonWithCharset);
    }
}
