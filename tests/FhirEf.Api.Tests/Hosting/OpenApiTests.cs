using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>The OpenAPI document lists the FHIR routes; Swagger UI serves a page over it.</summary>
public sealed class OpenApiTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task OpenApi_document_lists_the_fhir_routes()
    {
        var response = await Client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.BodyAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/fhir/metadata", paths);
        Assert.Contains("/fhir/{type}/{id}", paths);
        Assert.Contains("/fhir/{type}/{id}/_history/{versionId}", paths);
        Assert.Contains("/fhir", paths);
        Assert.Contains("/fhir/Patient/{id}/$everything", paths);
    }

    [Fact]
    public async Task Swagger_ui_page_is_served()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
