using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>history (https://hl7.org/fhir/R4/http.html#history) of an instance, a type and the system, with paging.</summary>
public sealed class HistoryTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    [Fact]
    public async Task Instance_history_lists_versions_newest_first_with_request_and_response()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Group","type":"person","actual":true}""");
        await Client.PutAsync($"/fhir/Group/{id}", $$"""{"resourceType":"Group","id":"{{id}}","type":"animal","actual":true}""");
        await Client.DeleteAsync($"/fhir/Group/{id}");

        var bundle = await (await Client.GetAsync($"/fhir/Group/{id}/_history")).BodyAsync();
        var entries = bundle.GetProperty("entry").EnumerateArray().ToList();

        Assert.Equal("history", bundle.GetProperty("type").GetString());
        Assert.Equal(["DELETE", "PUT", "POST"], entries.Select(e => e.GetProperty("request").GetProperty("method").GetString()));
        Assert.Equal(["204 No Content", "200 OK", "201 Created"], entries.Select(e => e.GetProperty("response").GetProperty("status").GetString()));
        Assert.Equal(["W/\"3\"", "W/\"2\"", "W/\"1\""], entries.Select(e => e.GetProperty("response").GetProperty("etag").GetString()));
        Assert.False(entries[0].TryGetProperty("resource", out _));
        Assert.Equal("animal", entries[1].GetProperty("resource").GetProperty("type").GetString());
        Assert.Equal($"http://localhost/fhir/Group/{id}", entries[2].GetProperty("fullUrl").GetString());
    }

    [Fact]
    public async Task Type_and_system_history_page_with_next_links_until_every_version_is_seen()
    {
        var ids = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Client.CreateAsync("""{"resourceType":"Device","status":"active"}"""));
        }

        foreach (var start in new[] { "/fhir/Device/_history?_count=2", "/fhir/_history?_count=2" })
        {
            var seen = new List<string>();
            var next = start;
            while (next is not null)
            {
                using var response = await Client.GetAsync(next);
                var page = await response.BodyAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && page.TryGetProperty("entry", out _), $"{next}: {(int)response.StatusCode} {page}");
                seen.AddRange(page.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("fullUrl").GetString()!.Split('/')[^1]));
                next = page.GetProperty("link").EnumerateArray()
                    .Where(l => l.GetProperty("relation").GetString() == "next")
                    .Select(l => new Uri(l.GetProperty("url").GetString()!).PathAndQuery)
                    .FirstOrDefault();
                Assert.True(seen.Count <= 100, "paging does not end");
            }

            Assert.Superset(ids, seen.ToHashSet());
        }
    }

    [Fact]
    public async Task Since_keeps_only_later_versions()
    {
        var id = await Client.CreateAsync("""{"resourceType":"Basic","code":{"text":"a"}}""");
        var future = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ");

        var none = await (await Client.GetAsync($"/fhir/Basic/{id}/_history?_since={Uri.EscapeDataString(future)}")).BodyAsync();
        var all = await (await Client.GetAsync($"/fhir/Basic/{id}/_history?_since=2000-01-01T00:00:00Z")).BodyAsync();

        Assert.False(none.TryGetProperty("entry", out var noEntries) && noEntries.GetArrayLength() > 0);
        Assert.Equal(1, all.GetProperty("entry").GetArrayLength());
    }

    [Theory]
    [InlineData("/fhir/Basic/never/_history", HttpStatusCode.NotFound)]
    [InlineData("/fhir/Basic/_history?_count=0", HttpStatusCode.BadRequest)]
    [InlineData("/fhir/Basic/_history?_count=many", HttpStatusCode.BadRequest)]
    [InlineData("/fhir/Basic/_history?_since=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/fhir/Basic/_history?_list=List/1", HttpStatusCode.BadRequest)]
    [InlineData("/fhir/Basic/_history?_cursor=not-a-cursor", HttpStatusCode.BadRequest)]
    [InlineData("/fhir/Unicorn/_history", HttpStatusCode.NotFound)]
    public async Task History_request_that_cannot_be_answered_is_an_OperationOutcome(string path, HttpStatusCode status)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.BodyAsync()).GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task Unknown_history_parameter_is_ignored_unless_handling_is_strict()
    {
        var lenient = await Client.GetAsync("/fhir/Basic/_history?color=red");
        var strict = await Client.GetAsync("/fhir/Basic/_history?color=red", ("Prefer", "handling=strict"));

        Assert.Equal(HttpStatusCode.OK, lenient.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
    }
}
