namespace FhirEf.EntityFramework.Tests.Search;

/// <summary><c>_sort</c> with several keys, <c>_count</c>, keyset paging links, <c>_offset</c>, <c>_total</c> (R4 search §3.1.1.5.x).</summary>
public sealed class SortPagingSearchTests(SearchFixture data) : IClassFixture<SearchFixture>
{
    [Theory]
    [InlineData("_sort=birthdate", "c,b,a,d")]
    [InlineData("_sort=-birthdate", "b,a,c,d")]
    [InlineData("_sort=gender", "b,c,a,d")]
    [InlineData("_sort=gender,-birthdate", "b,c,a,d")]
    [InlineData("_sort=gender,birthdate", "c,b,a,d")]
    [InlineData("_sort=-gender,_id", "d,a,b,c")]
    [InlineData("_sort=family", "d,a,b,c")]
    [InlineData("_sort=-family", "c,a,b,d")]
    [InlineData("_sort=_id", "a,b,c,d")]
    [InlineData("_sort=-_id", "d,c,b,a")]
    [InlineData("_sort=_lastUpdated", "a,b,c,d")]
    [InlineData("_sort=-_lastUpdated", "d,c,b,a")]
    [InlineData("_sort=active,_id", "c,a,b,d")]
    [InlineData("_sort=-birthdate&gender=female", "b,c")]
    [InlineData("_sort=birthdate&_count=2", "c,b")]
    [InlineData("_sort=birthdate&_count=2&_offset=2", "a,d")]
    public async Task Sort_orders_by_keys_with_missing_last(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Theory]
    [InlineData("Observation", "_sort=-value-quantity", "o2,o1,o3,o4")]
    [InlineData("Observation", "_sort=date", "o2,o1,o3,o4")]
    [InlineData("Observation", "_sort=-date", "o3,o2,o1,o4")]
    [InlineData("RiskAssessment", "_sort=-probability", "r1,r2")]
    [InlineData("RiskAssessment", "_sort=probability", "r2,r1")]
    public async Task Sort_by_dates_and_quantities(string type, string query, string expected) => Assert.Equal(expected, await data.IdsAsync(type, query));

    [Theory]
    [InlineData("_count=1", "a")]
    [InlineData("_count=3", "a,b,c")]
    [InlineData("_count=2&_offset=1", "b,c")]
    [InlineData("_offset=3", "d")]
    [InlineData("_offset=10", "")]
    public async Task Count_and_offset(string query, string expected) => Assert.Equal(expected, await data.IdsAsync("Patient", query));

    [Fact]
    public async Task Next_and_previous_links_walk_the_pages_stably()
    {
        var first = await data.SearchAsync("Patient", "_count=3");
        Assert.Equal("a,b,c", Ids(first));
        Assert.Null(first.PreviousPage);
        var second = await data.SearchAsync(new Core.Abstractions.SearchRequest("Patient", first.NextPage!));
        Assert.Equal("d", Ids(second));
        Assert.Null(second.NextPage);
        var back = await data.SearchAsync(new Core.Abstractions.SearchRequest("Patient", second.PreviousPage!));
        Assert.Equal("a,b,c", Ids(back));
        var again = await data.SearchAsync(new Core.Abstractions.SearchRequest("Patient", first.NextPage!));
        Assert.Equal(Ids(second), Ids(again));
    }

    [Fact]
    public async Task Sorted_pages_cover_every_match_once()
    {
        var seen = new List<string>();
        var page = await data.SearchAsync("Patient", "_sort=-birthdate&_count=1");
        while (true)
        {
            seen.AddRange(page.Entries.Select(e => e.Resource.Id));
            if (page.NextPage is null)
            {
                break;
            }

            page = await data.SearchAsync(new Core.Abstractions.SearchRequest("Patient", page.NextPage));
        }

        Assert.Equal("b,a,c,d", string.Join(",", seen));
    }

    [Theory]
    [InlineData("_total=accurate", 4L)]
    [InlineData("_total=estimate", 4L)]
    [InlineData("_total=none", null)]
    [InlineData("gender=female&_total=accurate", 2L)]
    [InlineData("gender=female&_count=1&_total=accurate", 2L)]
    [InlineData("_summary=count", 4L)]
    [InlineData("gender=male&_summary=count", 1L)]
    [InlineData("", null)]
    public async Task Totals_are_counted_only_when_asked(string query, long? total)
    {
        var result = await data.SearchAsync("Patient", query);
        Assert.Equal(total, result.Total);
    }

    [Fact]
    public async Task Summary_count_returns_no_entries()
    {
        var result = await data.SearchAsync("Patient", "_summary=count");
        Assert.Empty(result.Entries);
        Assert.Equal("count", result.Summary);
    }

    private static string Ids(Core.Abstractions.SearchResult result) => string.Join(",", result.Entries.Select(e => e.Resource.Id));
}
