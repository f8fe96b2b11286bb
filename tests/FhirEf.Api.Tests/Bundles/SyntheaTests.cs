using System.Net;
using System.Text.Json;
using FhirEf.Api.Tests.Infrastructure;
using FhirEf.Core.Definitions;
using FhirEf.Testing;

namespace FhirEf.Api.Tests.Bundles;

/// <summary>
/// Every Synthea patient bundle posts as a transaction; afterwards each resource is readable, the
/// patient's Observations are found by <c>Observation?subject=Patient/{id}</c> and its compartment by
/// <c>Patient/{id}/$everything</c>. The 100 bundles of ../shared/data when it is there (CI), else the 5 in tests/data.
/// </summary>
public sealed class SyntheaTests(FhirDatabaseFixture database) : FhirApiTest(database)
{
    private const string SharedFolder = "synthea-r4-2019-transaction-bundles";

    public static TheoryData<string> Bundles()
    {
        var shared = Path.GetFullPath(Path.Combine(TestPostgresServer.RootDirectory, "..", "shared", "data", SharedFolder));
        var folder = Directory.Exists(shared) ? shared : TestData.PathOf("synthea");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Bundle_posts_as_a_transaction_and_its_patient_is_readable_and_searchable(string path)
    {
        var json = await File.ReadAllTextAsync(path);
        using var request = JsonDocument.Parse(json);
        var requested = request.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()!).ToList();

        var response = await Client.PostAsync("/fhir", json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var locations = (await response.BodyAsync()).GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("response").GetProperty("location").GetString()!.Split("/_history")[0])
            .ToList();
        Assert.Equal(requested.Count, locations.Count);
        for (var i = 0; i < locations.Count; i++)
        {
            var read = await Client.GetAsync($"/fhir/{locations[i]}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(requested[i], (await read.BodyAsync()).GetProperty("resourceType").GetString());
        }

        var patient = locations[requested.IndexOf("Patient")];
        var observations = locations.Where((_, i) => requested[i] == "Observation").ToHashSet();
        Assert.Equal(observations, await AllAsync($"/fhir/Observation?subject={patient}&_count=200"));

        var inCompartment = locations.Where((_, i) => requested[i] == "Patient" || InPatientCompartment(requested[i])).ToHashSet();
        Assert.Superset(inCompartment, await AllAsync($"/fhir/{patient}/$everything"));
    }

    private static bool InPatientCompartment(string resourceType) =>
        FhirDefinitions.R4.Compartments.TryGet("Patient", out var patient) && patient.ParametersByResource.TryGetValue(resourceType, out var parameters) && parameters.Count > 0;

    /// <summary>Every resource of a search, following next links: "Type/id".</summary>
    private async Task<HashSet<string>> AllAsync(string start)
    {
        var found = new HashSet<string>();
        var next = start;
        while (next is not null)
        {
            var response = await Client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.BodyAsync();
            if (page.TryGetProperty("entry", out var entries))
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    var resource = entry.GetProperty("resource");
                    found.Add($"{resource.GetProperty("resourceType").GetString()}/{resource.GetProperty("id").GetString()}");
                }
            }

            next = page.GetProperty("link").EnumerateArray()
                .Where(l => l.GetProperty("relation").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("url").GetString()!).PathAndQuery)
                .FirstOrDefault();
        }

        return found;
    }
}
