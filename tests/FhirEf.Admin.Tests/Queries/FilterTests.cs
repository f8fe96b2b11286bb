using FhirEf.Admin.Tests.Infrastructure;
using static FhirEf.Admin.Tests.Infrastructure.Expected;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.Queries;

/// <summary>
/// <c>$filter</c> over the Synthea data: every case's expected count is computed from the bundle JSON,
/// and the server's count (<c>/$count</c>) and rows (following next links) must both equal it.
/// </summary>
public sealed class FilterTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    public static TheoryData<string, string, int> Cases() => new()
    {
        { "Patient", "", Count("Patient") },
        { "Observation", "", Count("Observation") },
        { "Condition", "", Count("Condition") },
        { "Procedure", "", Count("Procedure") },
        { "Claim", "", Count("Claim") },
        { "Observation", "status/any(s: s eq 'final')", Where("Observation", o => Text(o, "status") == "final") },
        { "Observation", "status/all(s: s eq 'final' or s eq '|final')", Where("Observation", o => Text(o, "status") == "final") },
        { "Observation", "code/any(c: c eq 'http://loinc.org|8302-2')", Where("Observation", o => Codes(o, "code").Contains("http://loinc.org|8302-2")) },
        { "Observation", "code/any(c: startswith(c, 'http://loinc.org|'))", Where("Observation", o => Codes(o, "code").Any(c => c.StartsWith("http://loinc.org|", StringComparison.Ordinal))) },
        { "Observation", "category/any(c: c eq 'vital-signs')", Where("Observation", o => HasCodeInList(o, "category", "vital-signs")) },
        { "Observation", "category/any(c: c eq 'laboratory') or category/any(c: c eq 'survey')", Where("Observation", o => HasCodeInList(o, "category", "laboratory") || HasCodeInList(o, "category", "survey")) },
        { "Observation", "valueQuantityUnits/any(u: u eq 'kg')", Where("Observation", o => QuantityUnit(o) == "kg") },
        { "Observation", "valueQuantityUnits/any()", Where("Observation", o => Quantity(o) is not null) },
        { "Observation", "not valueQuantityUnits/any()", Where("Observation", o => Quantity(o) is null) },
        { "Observation", "valueQuantityLow gt 100", Where("Observation", o => Quantity(o) > 100) },
        { "Observation", "valueQuantityLow le 5.5", Where("Observation", o => Quantity(o) <= 5.5m) },
        { "Observation", "valueQuantityLow ge 20 and valueQuantityHigh lt 30", Where("Observation", o => Quantity(o) is >= 20 and < 30) },
        { "Observation", "valueQuantityLow eq null", Where("Observation", o => Quantity(o) is null) },
        { "Observation", "valueQuantityLow ne null", Where("Observation", o => Quantity(o) is not null) },
        { "Observation", "valueQuantityLow add 10 gt 110", Where("Observation", o => Quantity(o) > 100) },
        { "Observation", "valueQuantityLow mul 2 lt 20", Where("Observation", o => Quantity(o) < 10) },
        { "Observation", "valueQuantityLow sub 1 ge 99", Where("Observation", o => Quantity(o) >= 100) },
        { "Observation", "valueQuantityLow div 2 gt 50", Where("Observation", o => Quantity(o) > 100) },
        { "Observation", "startswith(codeSort, '8')", Where("Observation", o => FirstCode(o, "code")?.StartsWith('8') == true) },
        { "Observation", "endswith(codeSort, '-2')", Where("Observation", o => FirstCode(o, "code")?.EndsWith("-2", StringComparison.Ordinal) == true) },
        { "Observation", "contains(codeSort, '29')", Where("Observation", o => FirstCode(o, "code")?.Contains("29", StringComparison.Ordinal) == true) },
        { "Observation", "codeSort in ('8302-2', '29463-7', '39156-5')", Where("Observation", o => FirstCode(o, "code") is "8302-2" or "29463-7" or "39156-5") },
        { "Observation", "year(dateStart) ge 2015", Where("Observation", o => Effective(o)?.UtcDateTime.Year >= 2015) },
        { "Observation", "year(dateStart) eq 2019 and month(dateStart) le 6", Where("Observation", o => Effective(o)?.UtcDateTime is { Year: 2019, Month: <= 6 }) },
        { "Observation", "dateStart lt 2012-01-01T00:00:00Z", Where("Observation", o => Effective(o) < new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero)) },
        { "Observation", "encounter/any()", Where("Observation", o => o.TryGetProperty("encounter", out _)) },
        { "Observation", "versionId eq 1", Count("Observation") },
        { "Observation", "versionId add 1 eq 2 and versionId mul 3 eq 3", Count("Observation") },
        { "Encounter", "status/any(s: s eq 'finished')", Where("Encounter", e => Text(e, "status") == "finished") },
        { "Immunization", "vaccineCode/any(c: c eq 'http://hl7.org/fhir/sid/cvx|140')", Where("Immunization", i => Codes(i, "vaccineCode").Contains("http://hl7.org/fhir/sid/cvx|140")) },
        { "Condition", "clinicalStatus/any(c: c eq 'active')", Where("Condition", c => HasCode(c, "clinicalStatus", "active")) },
        { "Condition", "not clinicalStatus/any(c: c eq 'active')", Where("Condition", c => !HasCode(c, "clinicalStatus", "active")) },
        { "MedicationRequest", "status/any(s: s eq 'stopped')", Where("MedicationRequest", m => Text(m, "status") == "stopped") },
        { "Claim", "useSort eq 'claim'", Where("Claim", c => Text(c, "use") == "claim") },
        { "Patient", "year(birthdateStart) lt 1980", Where("Patient", p => BirthYear(p) < 1980) },
        { "Patient", "year(birthdateStart) eq 1988 and month(birthdateStart) eq 9 and day(birthdateStart) eq 5", Where("Patient", p => Text(p, "birthDate") == "1988-09-05") },
        { "Patient", "birthdateStart ge 1980-01-01T00:00:00Z", Where("Patient", p => BirthYear(p) >= 1980) },
        { "Patient", "contains(addressCity, 'ton')", Where("Patient", p => City(p).Contains("ton", StringComparison.OrdinalIgnoreCase)) },
        { "Patient", "addressCityExact/any(c: c eq 'Quincy')", Where("Patient", p => City(p) == "Quincy") },
        { "Patient", "'Quincy' in addressCityExact", Where("Patient", p => City(p) == "Quincy") },
        { "Patient", "tolower(genderSort) eq 'male' and addressCityExact/any(c: c eq 'Quincy')", Where("Patient", p => City(p) == "Quincy" && Text(p, "gender") == "male") },
        { "Patient", "toupper(genderSort) eq 'MALE'", Where("Patient", p => Text(p, "gender") == "male") },
        { "Patient", "genderSort in ('female', 'other')", Where("Patient", p => Text(p, "gender") is "female" or "other") },
        { "Patient", "not (genderSort eq 'male')", Where("Patient", p => Text(p, "gender") != "male") },
        { "Patient", "length(genderSort) eq 4 and indexof(genderSort, 'le') eq 2", Where("Patient", p => Text(p, "gender") == "male") },
        { "Patient", "substring(genderSort, 1) eq 'ale' and concat(genderSort, '!') eq 'male!'", Where("Patient", p => Text(p, "gender") == "male") },
        { "Patient", "gender/any(g: g eq '|male')", Where("Patient", p => Text(p, "gender") == "male") },
        { "Patient_History", "method eq 'POST'", Count("Patient") },
        { "Observation_History", "versionId eq 1 and deleted eq false", Count("Observation") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_counts_match_the_bundles(string set, string filter, int expected)
    {
        var client = server.AdminOf(server.ProjectA);
        var query = filter.Length == 0 ? string.Empty : "?$filter=" + Uri.EscapeDataString(filter);

        var count = await client.JsonAsync($"/odata/{set}/$count{query}");
        var rows = await client.AllAsync($"/odata/{set}{query}{(query.Length == 0 ? "?" : "&")}$select=id");

        Assert.Equal(expected, count.GetInt64());
        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Strings("id").Distinct().Count());
    }

    [Fact]
    public async Task Each_patients_observations_are_found_through_the_subject_reference()
    {
        var client = server.AdminOf(server.ProjectA);
        var resources = Bundles.SelectMany(b => b.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))).ToList();
        var bundleSizes = Bundles.Select(b => b.GetProperty("entry").GetArrayLength()).ToList();
        var start = 0;
        foreach (var size in bundleSizes)
        {
            var patient = server.LocationsA[start];
            var expected = resources.Skip(start).Take(size).Count(r => r.GetProperty("resourceType").GetString() == "Observation");

            var rows = await client.AllAsync($"/odata/Observation?$filter={Uri.EscapeDataString($"subject/any(s: s eq '{patient}')")}&$select=id");

            Assert.Equal(expected, rows.Count);
            start += size;
        }
    }

}
