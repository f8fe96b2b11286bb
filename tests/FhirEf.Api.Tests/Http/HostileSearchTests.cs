using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Http;

/// <summary>
/// Hostile search input over HTTP: SQL metacharacters, 10,000-value OR lists, a 1 MB query string, 50-level
/// chains, deeply nested <c>_has</c>, <c>_count=100000000</c>. Each answers a 4xx OperationOutcome or the
/// correct result, never a 500.
/// </summary>
public sealed class HostileSearchTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private readonly string _family = "O'Hostile" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _code = "c-" + Guid.NewGuid().ToString("N")[..8];
    private string _patient = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _patient = await Client.CreateAsync($$"""{"resourceType":"Patient","name":[{"family":"{{_family}}"}],"gender":"male","birthDate":"1970-01-01"}""");
        await Client.CreateAsync($$$"""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{_code}}}"}]},"subject":{"reference":"Patient/{{{_patient}}}"}}""");
    }

    [Theory]
    [InlineData("name=' OR '1'='1")]
    [InlineData("name='; DROP TABLE \"Patient\"; --")]
    [InlineData("name:exact=x' OR 1=1 --")]
    [InlineData("name:contains=%25' --")]
    [InlineData("gender=male' OR '1'='1")]
    [InlineData("identifier=a'|b\"")]
    [InlineData("_id=1;DELETE FROM \"Patient\"")]
    [InlineData("_text=') OR to_tsvector('x")]
    [InlineData("_content=!!&|:*")]
    [InlineData("address-city=\\\\'")]
    public async Task Sql_metacharacters_match_nothing(string query)
    {
        var response = await Client.GetAsync("/fhir/Patient?" + query.Replace(" ", "%20", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, Matches(await response.BodyAsync()));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/fhir/Patient/{_patient}")).StatusCode);
    }

    [Theory]
    [InlineData("birthdate=1970'--")]
    [InlineData("birthdate=gt1970-01-01T00:00:00Z' OR '1'='1")]
    [InlineData("_count=1;DROP")]
    [InlineData("organization=Organization/' OR 1=1 --")]
    public async Task Sql_metacharacters_in_typed_values_are_a_400(string query) =>
        await AssertOutcomeAsync(await Client.GetAsync("/fhir/Patient?" + query.Replace(" ", "%20", StringComparison.Ordinal)), HttpStatusCode.BadRequest);

    [Fact]
    public async Task A_name_with_a_quote_is_found_as_written()
    {
        var response = await Client.GetAsync("/fhir/Patient?family:exact=" + Uri.EscapeDataString(_family));
        Assert.Equal(1, Matches(await response.BodyAsync()));
    }

    [Fact]
    public async Task An_unknown_sort_parameter_leaves_the_result_as_it_is()
    {
        var response = await Client.GetAsync("/fhir/Patient?_sort=name;DROP&family:exact=" + Uri.EscapeDataString(_family));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Matches(await response.BodyAsync()));
    }

    [Fact]
    public async Task Ten_thousand_or_values_are_a_400_naming_the_limit()
    {
        var ids = string.Join(",", Enumerable.Range(0, 10_000).Select(i => "id" + i));
        using var form = new FormUrlEncodedContent([new("_id", ids)]);

        var response = await Client.PostAsync(new Uri("/fhir/Patient/_search", UriKind.Relative), form);

        var outcome = await AssertOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("_id", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nine_hundred_ninety_nine_or_values_give_the_correct_result()
    {
        var codes = string.Join(",", Enumerable.Range(0, 998).Select(i => "x" + i).Append(_code));
        using var form = new FormUrlEncodedContent([new("code", codes)]);

        var response = await Client.PostAsync(new Uri("/fhir/Observation/_search", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Matches(await response.BodyAsync()));
    }

    [Fact]
    public async Task A_one_megabyte_query_string_is_a_4xx()
    {
        var response = await Client.GetAsync("/fhir/Patient?name=" + new string('x', 1024 * 1024));

        var status = (int)response.StatusCode;
        Assert.InRange(status, 400, 499);
        await AssertOutcomeAsync(response, response.StatusCode);
    }

    [Fact]
    public async Task A_one_megabyte_query_string_of_many_parameters_is_a_4xx()
    {
        var query = string.Join("&", Enumerable.Range(0, 60_000).Select(i => "p" + i + "=1"));
        Assert.True(query.Length > 1024 * 512);

        var response = await Client.GetAsync("/fhir/Patient?" + query);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_fifty_level_chain_is_a_400()
    {
        var chain = "subject:Patient." + string.Concat(Enumerable.Repeat("link:Patient.", 49)) + "name=x";
        await AssertOutcomeAsync(await Client.GetAsync("/fhir/Observation?" + chain), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deeply_nested_has_is_a_400()
    {
        var has = string.Concat(Enumerable.Repeat("_has:Patient:link:", 50)) + "gender=male";
        await AssertOutcomeAsync(await Client.GetAsync("/fhir/Patient?" + has), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_huge_count_is_capped_or_refused_never_a_500()
    {
        var response = await Client.GetAsync("/fhir/Patient?_count=100000000&family:exact=" + Uri.EscapeDataString(_family));

        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(1, Matches(await response.BodyAsync()));
        }
        else
        {
            await AssertOutcomeAsync(response, HttpStatusCode.BadRequest);
        }
    }

    [Theory]
    [InlineData("_offset=100000000")]
    [InlineData("_count=-1")]
    [InlineData("_cursor=%00%01garbage")]
    [InlineData("_include=Patient:nonsense:iterate:x")]
    public async Task Broken_controls_are_a_400(string query) =>
        await AssertOutcomeAsync(await Client.GetAsync("/fhir/Patient?" + query), HttpStatusCode.BadRequest);

    private static int Matches(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries)
            ? entries.EnumerateArray().Count(e => e.GetProperty("search").GetProperty("mode").GetString() == "match")
            : 0;

    private static async Task<string> AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        var outcome = await response.BodyAsync();
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        return outcome.GetRawText();
    }
}
