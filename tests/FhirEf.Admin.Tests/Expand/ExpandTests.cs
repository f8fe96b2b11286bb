using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FhirEf.Admin.Tests.Infrastructure;
using FhirEf.EntityFramework.Diagnostics;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.Expand;

/// <summary>
/// <c>$expand</c> over reference navigations (<c>Observation.subject_Patient</c>): each Observation's
/// expanded Patient must be the one its bundle entry referenced (by <c>urn:uuid</c>), resolved to the
/// server id the transaction assigned, with that Patient's own values.
/// </summary>
public sealed class ExpandTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    private HttpClient Admin => server.AdminOf(server.ProjectA);

    /// <summary>Project A's resources of a type as (server id, resource), and every bundle fullUrl's server id.</summary>
    private (List<(string Id, JsonElement Resource)> Rows, Dictionary<string, string> IdOfFullUrl) Stored(string type)
    {
        var entries = Bundles.SelectMany(b => b.GetProperty("entry").EnumerateArray()).ToList();
        var ids = server.LocationsA.Select(l => l.Split('/')[1]).ToList();
        var idOfFullUrl = entries.Zip(ids).ToDictionary(p => p.First.GetProperty("fullUrl").GetString()!, p => p.Second);
        var rows = entries.Zip(ids)
            .Where(p => p.First.GetProperty("resource").GetProperty("resourceType").GetString() == type)
            .Select(p => (p.Second, p.First.GetProperty("resource")))
            .ToList();
        return (rows, idOfFullUrl);
    }

    /// <summary>Each Observation's subject, as the server id of the Patient its bundle referenced.</summary>
    private Dictionary<string, string> SubjectOfObservation()
    {
        var (observations, idOfFullUrl) = Stored("Observation");
        return observations.ToDictionary(o => o.Id, o => idOfFullUrl[o.Resource.GetProperty("subject").GetProperty("reference").GetString()!]);
    }

    private Dictionary<string, string> BirthDateOfPatient() =>
        Stored("Patient").Rows.ToDictionary(p => p.Id, p => Text(p.Resource, "birthDate")!);

    [Fact]
    public async Task Expand_with_select_gives_each_observation_its_own_patient_across_pages()
    {
        var subjects = SubjectOfObservation();
        var births = BirthDateOfPatient();

        var first = await Admin.JsonAsync("/odata/Observation?$select=id&$expand=subject_Patient($select=id,birthdateStart)");
        var rows = await Admin.AllAsync("/odata/Observation?$select=id&$expand=subject_Patient($select=id,birthdateStart)");

        Assert.True(first.TryGetProperty("@odata.nextLink", out _), "246 observations take three pages of 100");
        Assert.Equal(subjects.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = row.GetProperty("id").GetString()!;
            var patient = Assert.Single(row.GetProperty("subject_Patient").EnumerateArray());
            Assert.Equal(subjects[id], patient.GetProperty("id").GetString());
            Assert.Equal(births[subjects[id]] + "T00:00:00Z", patient.GetProperty("birthdateStart").GetString());
            Assert.Equal(["@odata.etag", "id", "birthdateStart"], patient.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public async Task Expand_follows_the_filter_on_the_base_set_and_the_context_url_names_it()
    {
        var (observations, idOfFullUrl) = Stored("Observation");
        var expected = observations
            .Where(o => Codes(o.Resource, "code").Contains("http://loinc.org|8302-2"))
            .ToDictionary(o => o.Id, o => idOfFullUrl[o.Resource.GetProperty("subject").GetProperty("reference").GetString()!]);

        var page = await Admin.JsonAsync("/odata/Observation?$filter=codeSort eq '8302-2'&$count=true&$select=id&$expand=subject_Patient($select=id)");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, page.GetProperty("@odata.count").GetInt64());
        Assert.EndsWith("$metadata#Observation(id,subject_Patient(id))", page.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var actual = page.GetProperty("value").EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetString()!,
            r => Assert.Single(r.GetProperty("subject_Patient").EnumerateArray()).GetProperty("id").GetString()!);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Expand_filter_inside_the_navigation_empties_the_collection_of_non_matching_targets()
    {
        var subjects = SubjectOfObservation();
        var male = Stored("Patient").Rows.Where(p => Text(p.Resource, "gender") == "male").Select(p => p.Id).ToHashSet();

        var rows = await Admin.AllAsync("/odata/Observation?$select=id&$expand=subject_Patient($filter=genderSort eq 'male';$select=id)");

        Assert.Equal(subjects.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = row.GetProperty("id").GetString()!;
            var expanded = row.GetProperty("subject_Patient").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
            Assert.Equal(male.Contains(subjects[id]) ? [subjects[id]] : [], expanded);
        }
    }

    [Fact]
    public async Task Expand_on_one_entity_by_key_and_on_the_encounter_navigation()
    {
        var (observations, idOfFullUrl) = Stored("Observation");
        var (id, observation) = observations.First(o => o.Resource.TryGetProperty("encounter", out _));
        var encounter = idOfFullUrl[observation.GetProperty("encounter").GetProperty("reference").GetString()!];

        var body = await Admin.JsonAsync($"/odata/Observation('{id}')?$select=id&$expand=encounter_Encounter($select=id,versionId),subject_Group");

        Assert.EndsWith("$metadata#Observation(id,encounter_Encounter(id,versionId),subject_Group())/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var expanded = Assert.Single(body.GetProperty("encounter_Encounter").EnumerateArray());
        Assert.Equal(encounter, expanded.GetProperty("id").GetString());
        Assert.Equal(1, expanded.GetProperty("versionId").GetInt32());
        Assert.Empty(body.GetProperty("subject_Group").EnumerateArray());
    }

    [Theory]
    [InlineData("/odata/Observation?$expand=nosuch")]
    [InlineData("/odata/Observation?$expand=subject")]
    [InlineData("/odata/Observation?$expand=subject_Patient/$ref")]
    [InlineData("/odata/Observation?$expand=subject_Patient($expand=generalPractitioner_Practitioner)")]
    [InlineData("/odata/Observation?$expand=subject_Patient($count=true)")]
    [InlineData("/odata/Observation?$expand=subject_Patient($filter=nosuch eq 1)")]
    [InlineData("/odata/Observation?$expand=subject_Patient($select=nosuch)")]
    [InlineData("/odata/Observation?$expand=subject_Patient($top=-1)")]
    [InlineData("/odata/Observation?$apply=groupby((codeSort))&$expand=subject_Patient")]
    [InlineData("/odata/Observation_History?$expand=subject_Patient")]
    [InlineData("/odata/Provenance?$expand=*")]
    public async Task Bad_expands_are_400_odata_errors(string url)
    {
        var body = await Admin.JsonAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("400", body.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>
    /// Client-assigned ids repeat across projects: the same <c>Patient/shared-…</c> in two projects, an
    /// Observation in one pointing at it. A super-admin (who may read both) sees only the Patient of the
    /// Observation's own project.
    /// </summary>
    [Fact]
    public async Task Expanded_targets_come_from_the_source_rows_project_only()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (near, far) = ("expand-near-" + suffix, "expand-far-" + suffix);
        await PutAsync(far, $"Patient/shared-{suffix}", new { resourceType = "Patient", id = $"shared-{suffix}", birthDate = "1901-01-01" });
        await PutAsync(near, $"Patient/shared-{suffix}", new { resourceType = "Patient", id = $"shared-{suffix}", birthDate = "1999-09-09" });
        await PutAsync(near, $"Observation/obs-{suffix}", new
        {
            resourceType = "Observation",
            id = $"obs-{suffix}",
            status = "final",
            code = new { text = "x" },
            subject = new { reference = $"Patient/shared-{suffix}" },
        });

        var body = await server.SuperAdmin().JsonAsync($"/odata/Observation('obs-{suffix}')?$select=id,projectId&$expand=subject_Patient($select=id,projectId,birthdateStart)");

        Assert.Equal(near, body.GetProperty("projectId").GetString());
        var patient = Assert.Single(body.GetProperty("subject_Patient").EnumerateArray());
        Assert.Equal(near, patient.GetProperty("projectId").GetString());
        Assert.Equal("1999-09-09T00:00:00Z", patient.GetProperty("birthdateStart").GetString());
    }

    [Fact]
    public async Task Expand_runs_in_one_statement_through_the_references_table()
    {
        var log = new SqlCommandLog();
        await using var factory = server.LoggingSql(log);
        var client = server.AdminOfA(factory);

        var page = await client.JsonAsync("/odata/Observation?$filter=codeSort eq '8302-2'&$select=id&$expand=subject_Patient($select=id)");

        Assert.NotEmpty(page.GetProperty("value").EnumerateArray());
        var sql = Assert.Single(log.Commands, c => c.Contains("\"Observation\"", StringComparison.Ordinal));
        Assert.Contains("\"Observation_References\"", sql, StringComparison.Ordinal);
        Assert.Contains("\"Patient\"", sql, StringComparison.Ordinal);
        Assert.Contains("EXISTS", sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN LATERAL", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("'subject'", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("8302-2", sql.Split("FROM")[1], StringComparison.Ordinal);
    }

    private async Task PutAsync(string project, string path, object resource)
    {
        await using var factory = new AdminApiFactory(server.ConnectionString, project, server.Settings);
        using var client = factory.CreateClient();
        using var content = JsonContent.Create(resource, mediaType: new("application/fhir+json"));
        using var response = await client.PutAsync(new Uri("/fhir/" + path, UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path} in {project}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
