using System.Globalization;
using FhirEf.Admin.Tests.Infrastructure;
using static FhirEf.Admin.Tests.Infrastructure.Expected;
using static FhirEf.Admin.Tests.Infrastructure.SyntheaData;

namespace FhirEf.Admin.Tests.Queries;

/// <summary><c>$apply</c>: group counts equal the totals of the equivalent FHIR searches and the bundle JSON.</summary>
public sealed class ApplyTests(SyntheaServer server) : IClassFixture<SyntheaServer>
{
    private HttpClient Admin => server.AdminOf(server.ProjectA);

    [Theory]
    [InlineData("Observation", "code", "code")]
    [InlineData("Immunization", "vaccineCode", "vaccine-code")]
    [InlineData("Encounter", "type", "type")]
    [InlineData("Condition", "code", "code")]
    public async Task Groupby_counts_equal_fhir_search_totals(string type, string column, string parameter)
    {
        var groups = await Admin.JsonAsync($"/odata/{type}?$apply=groupby(({column}Sort),aggregate($count as n))");

        var rows = groups.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(Count(type), rows.Sum(r => r.GetProperty("n").GetInt64()));
        var fhir = server.Fhir();
        foreach (var row in rows)
        {
            var code = row.GetProperty(column + "Sort").GetString()!;
            var search = await fhir.JsonAsync($"/fhir/{type}?{parameter}={Uri.EscapeDataString(code)}&_summary=count");
            Assert.Equal(search.GetProperty("total").GetInt64(), row.GetProperty("n").GetInt64());
            Assert.Equal(Where(type, r => FirstCode(r, column) == code), row.GetProperty("n").GetInt64());
        }
    }

    [Fact]
    public async Task Filter_then_groupby_counts_only_the_filtered_rows()
    {
        var groups = await Admin.JsonAsync("/odata/Observation?$apply=filter(valueQuantityLow gt 100)/groupby((codeSort),aggregate($count as n))");

        var actual = groups.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("codeSort").GetString()!, r => r.GetProperty("n").GetInt64());
        var expected = Resources("Observation").Where(o => Quantity(o) > 100).GroupBy(o => FirstCode(o, "code")!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Aggregate_computes_sum_min_max_average_and_countdistinct()
    {
        var result = await Admin.JsonAsync(
            "/odata/Observation?$apply=aggregate(valueQuantityLow with sum as total, valueQuantityLow with min as low, valueQuantityLow with max as high, " +
            "valueQuantityLow with average as mean, codeSort with countdistinct as codes, dateStart with min as first, $count as n)");

        var row = result.GetProperty("value")[0];
        var values = Resources("Observation").Select(Quantity).OfType<decimal>().ToList();
        Assert.Equal(values.Sum(), row.GetProperty("total").GetDecimal());
        Assert.Equal(values.Min(), row.GetProperty("low").GetDecimal());
        Assert.Equal(values.Max(), row.GetProperty("high").GetDecimal());
        Assert.Equal(Math.Round(values.Average(), 10), Math.Round(row.GetProperty("mean").GetDecimal(), 10));
        Assert.Equal(Resources("Observation").Select(o => FirstCode(o, "code")).Distinct().Count(), row.GetProperty("codes").GetInt64());
        Assert.Equal(Resources("Observation").Select(Effective).Min(), row.GetProperty("first").GetDateTimeOffset());
        Assert.Equal(Count("Observation"), row.GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task Groupby_two_keys_with_orderby_on_an_aggregate()
    {
        var result = await Admin.JsonAsync("/odata/Observation?$apply=groupby((statusSort,codeSort),aggregate($count as n))&$orderby=n desc");

        var rows = result.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("n").GetInt64()).ToList();
        Assert.Equal(rows.OrderByDescending(n => n), rows);
        Assert.Equal(Count("Observation"), rows.Sum());
        Assert.Equal(Resources("Observation").Select(o => (Text(o, "status"), FirstCode(o, "code"))).Distinct().Count(), rows.Count);
    }

    [Fact]
    public async Task Groupby_year_of_birth_counts_patients()
    {
        var result = await Admin.JsonAsync("/odata/Patient?$apply=groupby((genderSort),aggregate(birthdateStart with max as youngest, $count as n))");

        var row = Assert.Single(result.GetProperty("value").EnumerateArray());
        Assert.Equal(Count("Patient"), row.GetProperty("n").GetInt64());
        Assert.Equal(
            Resources("Patient").Max(p => Text(p, "birthDate")),
            row.GetProperty("youngest").GetDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Apply_filter_alone_returns_the_filtered_entities()
    {
        var rows = await Admin.AllAsync("/odata/Patient?$apply=filter(year(birthdateStart) lt 1980)&$select=id");

        Assert.Equal(Where("Patient", p => BirthYear(p) < 1980), rows.Count);
    }
}
