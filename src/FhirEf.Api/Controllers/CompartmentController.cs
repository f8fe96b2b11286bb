using FhirEf.Api.Interactions;
using Microsoft.AspNetCore.Mvc;

namespace FhirEf.Api.Controllers;

/// <summary>Compartment search (https://hl7.org/fhir/R4/compartmentdefinition.html#search): GET [base]/Patient/123/Observation, or /* for every type.</summary>
[Route("fhir/{compartment}/{id}/{type}")]
public sealed class CompartmentController(FhirInteractions interactions) : FhirControllerBase
{
    [HttpGet]
    [HttpHead]
    public async Task<FhirActionResult> Search(string compartment, string id, string type, CancellationToken cancellationToken)
    {
        if (type.StartsWith('$'))
        {
            throw new ErrorHandling.ResourceTypeNotSupportedException(type);
        }

        return Fhir(await interactions.SearchAsync(type == "*" ? null : type, compartment, id, QueryList, $"{compartment}/{id}/{type}", cancellationToken));
    }
}
