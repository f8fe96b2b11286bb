using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>The capabilities interaction over HTTP (https://hl7.org/fhir/R4/http.html#capabilities).</summary>
public sealed class MetadataTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Metadata_lists_every_resource_type_with_an_ETag_and_answers_304_to_it()
    {
        var response = await Client.GetAsync("/fhir/metadata");
        var etag = response.Headers.ETag?.ToString();
        var again = await Client.GetAsync("/fhir/metadata", ("If-None-Match", etag!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var statement = await response.BodyAsync();
        Assert.Equal("http://localhost/fhir", statement.GetProperty("implementation").GetProperty("url").GetString());
        Assert.Equal(146, statement.GetProperty("rest")[0].GetProperty("resource").GetArrayLength());
        Assert.Equal(["application/fhir+json", "application/json"], statement.GetProperty("format").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Metadata_takes_elements_and_summary()
    {
        var elements = await (await Client.GetAsync("/fhir/metadata?_elements=format")).BodyAsync();
        var text = await (await Client.GetAsync("/fhir/metadata?_summary=text")).BodyAsync();

        Assert.True(elements.TryGetProperty("format", out _));
        Assert.False(elements.TryGetProperty("rest", out _));
        Assert.False(text.TryGetProperty("rest", out _));
        Assert.Equal("SUBSETTED", elements.GetProperty("meta").GetProperty("tag")[0].GetProperty("code").GetString());
    }
}
