using System.Net;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>search over HTTP (https://hl7.org/fhir/R4/http.html#search): type, POST _search, system, compartment, paging links, Prefer handling.</summary>
public sealed class SearchTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private string _patient = string.Empty;
    private string _other = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _patient = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Searchable"}]}""");
        _other = await Client.CreateAsync("""{"resourceType":"Patient","name":[{"family":"Other"}]}""");
        for (var i = 0; i < 3; i++)
        {
            await Client.CreateAsync($$$"""{"resourceType":"Observation","status":"final","code":{"text":"c{{{i}}}"},"subject":{"reference":"Patient/{{{_patient}}}"}}""");
        }

        await Client.CreateAsync($$$"""{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/{{{_other}}}"}}""");
    }

    [Fact]
    public async Task Type_search_answers_a_searchset_with_matches_fullUrls_and_a_self_link()
    {
        var response = await Client.GetAsync($"/fhir/Observation?subject=Patient/{_patient}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = await response.BodyAsync();
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        var entries = bundle.GetProperty("entry").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("match", e.GetProperty("search").GetProperty("mode").GetString()));
        Assert.All(entries, e => Assert.StartsWith("http://localhost/fhir/Observation/", e.GetProperty("fullUrl").GetString(), StringComparison.Ordinal));
        Assert.Contains(bundle.GetProperty("link").EnumerateArray(), l => l.GetProperty("relation").GetString() == "self");
    }

    [Fact]
    public async Task Post_search_with_a_form_body_finds_what_get_finds()
    {
        using var form = new FormUrlEncodedContent([new("subject", $"Patient/{_patient}")]);

        var response = await Client.PostAsync(new Uri("/fhir/Observation/_search", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.BodyAsync()).GetProperty("entry").GetArrayLength());
    }

    [Fact]
    public async Task System_search_by_get_and_post_finds_a_resource_by_id()
    {
        var byGet = await Client.GetAsync($"/fhir?_id={_patient}");
        using var form = new FormUrlEncodedContent([new("_id", _patient)]);
        var byPost = await Client.PostAsync(new Uri("/fhir/_search", UriKind.Relative), form);

        foreach (var response in new[] { byGet, byPost })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var entry = (await response.BodyAsync()).GetProperty("entry").EnumerateArray().Single();
            Assert.Equal(_patient, entry.GetProperty("resource").GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Compartment_search_finds_the_patients_observations()
    {
        var response = await Client.GetAsync($"/fhir/Patient/{_patient}/Observation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.BodyAsync()).GetProperty("entry").GetArrayLength());
    }

    [Fact]
    public async Task Paging_follows_next_links_to_every_match()
    {
        var seen = new HashSet<string>();
        var next = $"/fhir/Observation?subject=Patient/{_patient}&_count=2";
        while (next is not null)
        {
            var page = await (await Client.GetAsync(next)).BodyAsync();
            foreach (var entry in page.GetProperty("entry").EnumerateArray())
            {
                seen.Add(entry.GetProperty("resource").GetProperty("id").GetString()!);
            }

            next = page.GetProperty("link").EnumerateArray()
                .Where(l => l.GetProperty("relation").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("url").GetString()!).PathAndQuery)
                .FirstOrDefault();
            Assert.True(seen.Count <= 3);
        }

        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task Patient_everything_returns_the_patient_and_its_compartment()
    {
        var response = await Client.GetAsync($"/fhir/Patient/{_patient}/$everything");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var types = (await response.BodyAsync()).GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "Patient"));
        Assert.Equal(3, types.Count(t => t == "Observation"));
    }

    [Fact]
    public async Task Everything_of_an_unknown_patient_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Patient/nobody/$everything")).StatusCode);
    }

    [Fact]
    public async Task Unknown_parameter_is_an_error_only_when_handling_is_strict()
    {
        var lenient = await Client.GetAsync("/fhir/Observation?no-such-parameter=1");
        var strict = await Client.GetAsync("/fhir/Observation?no-such-parameter=1", ("Prefer", "handling=strict"));

        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
    }

    [Fact]
    public async Task Search_of_an_unknown_type_is_404_and_of_an_unknown_compartment_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/fhir/Unicorn?name=x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/fhir/Observation/{_patient}/Patient")).StatusCode);
    }

    [Fact]
    public async Task Elements_apply_to_the_matches_of_a_search()
    {
        var bundle = await (await Client.GetAsync($"/fhir/Observation?subject=Patient/{_patient}&_elements=status")).BodyAsync();

        Assert.All(bundle.GetProperty("entry").EnumerateArray(), e => Assert.False(e.GetProperty("resource").TryGetProperty("subject", out _)));
    }
}
