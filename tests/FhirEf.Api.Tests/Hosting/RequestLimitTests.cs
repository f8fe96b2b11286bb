using System.Net;
using FhirEf.Api.Tests.Bundles;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Hosting;

/// <summary>The request body limit and the bundle size limit (Fhir:Api) answer 413 before anything is written.</summary>
public sealed class RequestLimitTests(FhirDatabaseFixture database) : FhirApiTest(database, new Dictionary<string, string?>
{
    ["Fhir:Api:MaxRequestBodyBytes"] = "4096",
    ["Fhir:Api:MaxBundleEntries"] = "3",
})
{
    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var body = $$"""{"resourceType":"Patient","id":"big","name":[{"family":"{{new string('x', 5000)}}"}]}""";

        var response = await Client.PutAsync("/fhir/Patient/big", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("too-long", await response.IssueCodeAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/big")).StatusCode);
    }

    [Fact]
    public async Task Bundle_over_the_entry_limit_is_413_and_writes_nothing()
    {
        var builder = new BundleBuilder("batch");
        for (var i = 0; i < 4; i++)
        {
            builder.Entry("PUT", $"Patient/lim{i}", $$"""{"resourceType":"Patient","id":"lim{{i}}"}""");
        }

        var response = await Client.PostAsync("/fhir", builder.Build());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredRows.VersionsAsync(Database));
    }

    [Fact]
    public async Task Bundle_at_the_entry_limit_is_processed()
    {
        var builder = new BundleBuilder("batch");
        for (var i = 0; i < 3; i++)
        {
            builder.Entry("GET", $"Patient/none{i}");
        }

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/fhir", builder.Build())).StatusCode);
    }
}
