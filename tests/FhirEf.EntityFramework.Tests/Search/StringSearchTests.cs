namespace FhirEf.EntityFramework.Tests.Search;

/// <summary>string (R4 search §3.1.1.4.8): starts-with, case- and accent-insensitive by default; <c>:exact</c>, <c>:contains</c>.</summary>
public sealed class StringSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("name=smith", "a,b,c")]
    [InlineData("name=Smith", "a,b,c")]
    [InlineData("name=SMI", "a,b,c")]
    [InlineData("name=smíth", "a,b,c")]
    [InlineData("family=smith", "a,b,c")]
    [InlineData("family=smi,jon", "a,b,c,d")]
    [InlineData("given=jac", "a")]
    [InlineData("name=jacob", "a")]
    [InlineData("name=jones,who", "d")]
    [InlineData("name=baker", "")]
    [InlineData("address-city=bos", "a")]
    [InlineData("address-state=MA", "a,b")]
    [InlineData("address=boston", "a")]
    [InlineData("address-postalcode=021", "a")]
    [InlineData("address-country=us", "a")]
    [InlineData("name=smith&gender=female", "b,c")]
    [InlineData("name=smith&name=smithers", "c")]
    public async Task Default_is_starts_with_ignoring_case_and_accents(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("family:exact=Smith", "a")]
    [InlineData("family:exact=Smíth", "b")]
    [InlineData("family:exact=smith", "")]
    [InlineData("given:exact=John", "a")]
    [InlineData("given:exact=john", "")]
    [InlineData("given:exact=Joh", "")]
    public async Task Exact_compares_the_whole_value_as_written(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("name:contains=mith", "a,b,c")]
    [InlineData("name:contains=ther", "c")]
    [InlineData("name:contains=baker", "d")]
    [InlineData("name:contains=AGGI", "c")]
    [InlineData("address-city:contains=ambri", "b")]
    public async Task Contains_matches_anywhere(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("name=%", "")]
    [InlineData("name=_", "")]
    [InlineData("name=sm%25th", "")]
    [InlineData("name:contains=%", "")]
    [InlineData("name:contains=_", "")]
    [InlineData("name=\\", "")]
    [InlineData("name=' OR '1'='1", "")]
    [InlineData("name=smith'; DROP TABLE \"Patient\"; --", "")]
    public async Task Like_and_sql_metacharacters_are_literal(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));
}
