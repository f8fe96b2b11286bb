namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>
/// date (R4 search §3.1.1.4.5, prefixes §3.1.1.4.7) by ranges: every prefix, partial dates, time zones.
/// <c>eq</c> is containment (the spec), not overlap.
/// </summary>
public sealed class DateSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("birthdate=1980-05-12", "a")]
    [InlineData("birthdate=1980-05", "a,b")]
    [InlineData("birthdate=1980", "a,b")]
    [InlineData("birthdate=eq1975", "c")]
    [InlineData("birthdate=1975-06", "")]
    [InlineData("birthdate=ne1980", "c")]
    [InlineData("birthdate=ne1980-05", "c")]
    [InlineData("birthdate=gt1980-05-12", "b")]
    [InlineData("birthdate=ge1980-05-12", "a,b")]
    [InlineData("birthdate=ge1980", "a,b")]
    [InlineData("birthdate=lt1980-05", "c")]
    [InlineData("birthdate=lt1980-05-12", "b,c")]
    [InlineData("birthdate=le1980-05", "a,b,c")]
    [InlineData("birthdate=le1975", "c")]
    [InlineData("birthdate=sa1979", "a,b")]
    [InlineData("birthdate=sa1975", "a,b")]
    [InlineData("birthdate=eb1980", "c")]
    [InlineData("birthdate=eb1980-05-12", "c")]
    [InlineData("birthdate=gt2000", "")]
    [InlineData("birthdate=1980-05-12T00:00:00Z", "")]
    [InlineData("birthdate=ge1975&birthdate=lt1980", "c")]
    [InlineData("birthdate=1975,1980-05-12", "a,c")]
    public async Task Birth_date_by_day_month_and_year(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("death-date=2015-02-03", "c")]
    [InlineData("death-date=2015-02", "c")]
    [InlineData("death-date=2015-02-02", "")]
    [InlineData("death-date=2015-02-03T08:00:00Z", "c")]
    [InlineData("death-date=2015-02-03T10:00:00%2B02:00", "c")]
    [InlineData("death-date=2015-02-03T09:00:00%2B01:00", "c")]
    [InlineData("death-date=2015-02-03T03:00:00-05:00", "c")]
    [InlineData("death-date=2015-02-03T10:00:00Z", "")]
    [InlineData("death-date=gt2015-02-03T07:59:59Z", "c")]
    [InlineData("death-date=lt2015-02-03T08:00:00Z", "")]
    [InlineData("death-date=le2015-02-03T08:00:00Z", "c")]
    [InlineData("death-date=lt2015-02-03T08:00:01Z", "c")]
    [InlineData("death-date=sa2015-02-03T07:00:00Z", "c")]
    [InlineData("death-date=eb2015-02-03T09:00:00Z", "c")]
    public async Task Instants_compare_across_time_zones(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("date=2020-01-01", "o1")]
    [InlineData("date=2020-01", "o1,o2")]
    [InlineData("date=2020", "o1,o2")]
    [InlineData("date=2021", "o3")]
    [InlineData("date=eq2020-01-05", "")]
    [InlineData("date=ne2020-01", "o3")]
    [InlineData("date=2020-01-01T10:00:00Z", "o1")]
    [InlineData("date=2020-01-01T12:00:00%2B02:00", "o1")]
    [InlineData("date=2020-01-01T11:00:00%2B01:00", "o1")]
    [InlineData("date=lt2020-01-01T10:00:00Z", "o2")]
    [InlineData("date=gt2020-01-01T10:00:00Z", "o2,o3")]
    [InlineData("date=ap2020-01-03", "o1,o2")]
    [InlineData("date=ap2021-06-15", "o3")]
    [InlineData("date=gt2020-01-02", "o2,o3")]
    [InlineData("date=ge2021-06-15", "o3")]
    [InlineData("date=lt2020-01-02", "o1,o2")]
    [InlineData("date=le2020-01-01", "o1")]
    [InlineData("date=eb2020-06", "o1,o2")]
    [InlineData("date=eb2020-01-05", "o1")]
    [InlineData("date=sa2020-12", "o3")]
    [InlineData("date=sa2020-01-01", "o3")]
    public async Task Observation_effective_instant_and_period(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Observation", query));

    [Theory]
    [InlineData("_lastUpdated=gt2000", "a,b,c,d")]
    [InlineData("_lastUpdated=lt2000", "")]
    [InlineData("_lastUpdated=sa2000&_id=b", "b")]
    [InlineData("organization=org1&_lastUpdated=gt2000", "a")]
    public async Task Last_updated(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));
}
