using System.Net;
using System.Text.Json;
using FhirEf.Admin.Tests.Infrastructure;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.Queries;

/// <summary>Ordering, paging, projection, single entities, drill-through and the OData JSON payload shapes.</summary>
public sealed class PayloadTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    private HttpClient Admin => server.AdminOf(server.ProjectA);

    /// <summary>Project A's server ids of a type, with their source resources, in bundle order.</summary>
    private List<(string Id, JsonElement Resource)> Stored(string type) =>
        [.. server.LocationsA.Zip(Bundles.SelectMany(b => b.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))))
            .Where(p => p.First.StartsWith(type + "/", StringComparison.Ordinal))
            .Select(p => (p.First[(type.Length + 1)..], p.Second))];

    [Fact]
    public async Task Orderby_birthdate_descending_returns_patients_youngest_first()
    {
        var expected = Stored("Patient").OrderByDescending(p => Text(p.Resource, "birthDate")).Select(p => p.Id).ToList();

        var rows = await Admin.AllAsync("/odata/Patient?$orderby=birthdateStart desc&$select=id");

        Assert.Equal(expected, rows.Strings("id"));
    }

    [Fact]
    public async Task Orderby_with_several_keys_sorts_by_each_in_turn()
    {
        var rows = await Admin.AllAsync("/odata/Observation?$orderby=codeSort,dateStart desc,id&$select=id,codeSort,dateStart");

        var keys = rows.Select(r => (Code: r.GetProperty("codeSort").GetString()!, Date: r.GetProperty("dateStart").GetDateTimeOffset(), Id: r.GetProperty("id").GetString()!)).ToList();
        var sorted = keys.OrderBy(k => k.Code, StringComparer.Ordinal).ThenByDescending(k => k.Date).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(Count("Observation"), keys.Count);
        Assert.Equal(sorted.Select(k => k.Code), keys.Select(k => k.Code));
        Assert.Equal(sorted.Select(k => k.Date), keys.Select(k => k.Date));
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(1, 1)]
    public async Task Top_and_skip_take_a_slice_of_the_ordering(int skip, int top)
    {
        var all = Stored("Patient").OrderBy(p => Text(p.Resource, "birthDate")).Select(p => p.Id).ToList();

        var rows = await Admin.AllAsync($"/odata/Patient?$orderby=birthdateStart&$skip={skip}&$top={top}&$select=id");

        Assert.Equal(all.Skip(skip).Take(top), rows.Strings("id"));
    }

    [Fact]
    public async Task Server_paging_follows_next_links_through_every_row_once()
    {
        var first = await Admin.JsonAsync("/odata/Observation?$count=true&$select=id");

        var rows = await Admin.AllAsync("/odata/Observation?$select=id");

        Assert.Equal(Count("Observation"), first.GetProperty("@odata.count").GetInt64());
        Assert.Equal(100, first.GetProperty("value").GetArrayLength());
        Assert.Contains("$skiptoken=100", first.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        Assert.Equal(Stored("Observation").Select(o => o.Id).Order(StringComparer.Ordinal), rows.Strings("id").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Top_below_the_page_size_has_no_next_link_and_top_above_pages_until_top()
    {
        var small = await Admin.JsonAsync("/odata/Observation?$top=7&$select=id");
        var large = await Admin.AllAsync("/odata/Observation?$top=150&$select=id");

        Assert.Equal(7, small.GetProperty("value").GetArrayLength());
        Assert.False(small.TryGetProperty("@odata.nextLink", out _));
        Assert.Equal(150, large.Count);
    }

    [Fact]
    public async Task Count_segment_is_plain_text()
    {
        using var response = await Admin.GetAsync(new Uri("/odata/Encounter/$count", UriKind.Relative));

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Count("Encounter").ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Select_returns_only_the_selected_properties_and_the_context_names_them()
    {
        var page = await Admin.JsonAsync("/odata/Patient?$select=genderSort,birthdateStart");

        Assert.EndsWith("$metadata#Patient(genderSort,birthdateStart)", page.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        foreach (var row in page.GetProperty("value").EnumerateArray())
        {
            Assert.Equal(["@odata.etag", "genderSort", "birthdateStart"], row.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task An_entity_by_key_has_its_context_etag_and_typed_values()
    {
        var (id, patient) = Stored("Patient")[0];

        using var response = await Admin.GetAsync(new Uri($"/odata/Patient('{id}')", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", response.Headers.ETag?.ToString());
        Assert.EndsWith("$metadata#Patient/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal("W/\"1\"", body.GetProperty("@odata.etag").GetString());
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("versionId").GetInt32());
        Assert.Equal(server.ProjectA, body.GetProperty("projectId").GetString());
        Assert.Equal(Text(patient, "birthDate") + "T00:00:00Z", body.GetProperty("birthdateStart").GetString());
        Assert.Equal([Text(patient, "gender"), "|" + Text(patient, "gender")], body.GetProperty("gender").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Resource_path_returns_the_stored_resource_json()
    {
        var (id, patient) = Stored("Patient")[1];

        using var response = await Admin.GetAsync(new Uri($"/odata/Patient('{id}')/Resource", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Patient", body.GetProperty("resourceType").GetString());
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal(Text(patient, "birthDate"), body.GetProperty("birthDate").GetString());
    }

    [Theory]
    [InlineData("/odata/Patient('no-such-id')")]
    [InlineData("/odata/Patient('no-such-id')/Resource")]
    public async Task A_missing_key_is_404_with_an_odata_error(string url)
    {
        var body = await Admin.JsonAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("404", body.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("application/json;odata.metadata=full", true, true)]
    [InlineData("application/json;odata.metadata=minimal", true, false)]
    [InlineData("application/json;odata.metadata=none", false, false)]
    public async Task Metadata_levels_control_the_annotations(string format, bool context, bool ids)
    {
        var page = await Admin.JsonAsync($"/odata/Patient?$top=1&$format={Uri.EscapeDataString(format)}");

        var row = page.GetProperty("value")[0];
        Assert.Equal(context, page.TryGetProperty("@odata.context", out _));
        Assert.Equal(ids, row.TryGetProperty("@odata.id", out _));
        Assert.Equal(ids, row.TryGetProperty("@odata.type", out _));
    }

    [Fact]
    public async Task Accept_header_chooses_the_metadata_level()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/odata/Patient?$top=1", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/json;odata.metadata=full");

        using var response = await Admin.SendAsync(request);
        var row = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("value")[0];

        Assert.StartsWith("Patient('", row.GetProperty("@odata.id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_matches_the_same_resources_as_fhir_content_search()
    {
        var fhir = await server.Fhir().JsonAsync("/fhir/Patient?_content=Quincy&_summary=count");

        var rows = await Admin.AllAsync("/odata/Patient?$search=Quincy&$select=id");

        Assert.Equal(Resources("Patient").Count(p => p.GetRawText().Contains("Quincy", StringComparison.Ordinal)), rows.Count);
        Assert.Equal(fhir.GetProperty("total").GetInt32(), rows.Count);
    }

    [Fact]
    public async Task Lookup_table_holds_one_official_name_row_per_patient()
    {
        var rows = await Admin.AllAsync("/odata/HumanName?$filter=resourceType eq 'Patient' and code eq 'name'&$orderby=family");

        var expected = Resources("Patient").SelectMany(p => p.GetProperty("name").EnumerateArray()).Select(n => Text(n, "family")!).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Strings("family"));
    }

    [Fact]
    public async Task History_holds_one_version_per_resource()
    {
        var rows = await Admin.AllAsync("/odata/Encounter_History?$select=id,versionId,method");

        Assert.Equal(Stored("Encounter").Select(e => e.Id).Order(StringComparer.Ordinal), rows.Strings("id").Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("POST", r.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task Service_document_lists_the_entity_sets()
    {
        var document = await Admin.JsonAsync("/odata/");

        var names = document.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("Patient", names);
        Assert.Contains("Observation_History", names);
        Assert.Contains("Identifier", names);
    }
}
