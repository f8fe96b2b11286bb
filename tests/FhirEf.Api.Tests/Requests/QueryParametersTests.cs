using FhirEf.Api.Requests;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Tests.Requests;

public sealed class QueryParametersTests
{
    [Theory]
    [InlineData("?name=a&name=b&_count=5", "name=a;name=b;_count=5")]
    [InlineData("identifier=http%3A%2F%2Fx%7C1", "identifier=http://x|1")]
    [InlineData("name=Ann+Lee", "name=Ann Lee")]
    [InlineData("code=a\\,b,c", "code=a\\,b,c")]
    [InlineData("flag&=x&&value=", "flag=;value=")]
    [InlineData("bad=%ZZ%", "bad=%ZZ%")]
    [InlineData("", "")]
    public void Query_parameters_keep_order_and_repeats_and_are_decoded_once(string query, string expected)
    {
        var parameters = QueryParameters.Parse(query);

        Assert.Equal(expected, string.Join(';', parameters.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Formatting_round_trips_through_parsing()
    {
        var parameters = QueryParameters.Parse("name=Ann+Lee&identifier=http%3A%2F%2Fx%7C1&_sort=-date");

        Assert.Equal(parameters, QueryParameters.Parse(QueryParameters.Format(parameters)));
    }

    [Fact]
    public void A_single_parameter_given_twice_is_a_bad_request() =>
        Assert.Throws<InvalidRequestException>(() => QueryParameters.Single(QueryParameters.Parse("_count=1&_count=2"), "_count"));
}
