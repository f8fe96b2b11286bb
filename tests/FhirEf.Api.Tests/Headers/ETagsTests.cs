using FhirEf.Api.Headers;
using FhirEf.Core.Errors;

namespace FhirEf.Api.Tests.Headers;

public sealed class ETagsTests
{
    [Theory]
    [InlineData("W/\"3\"", 3)]
    [InlineData("\"12\"", 12)]
    [InlineData(" W/\"7\" ", 7)]
    public void If_Match_names_a_version(string header, int expected) => Assert.Equal(expected, ETags.ParseIfMatch(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Absent_If_Match_is_no_condition(string? header) => Assert.Null(ETags.ParseIfMatch(header));

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"abc\"")]
    [InlineData("W/\"0\"")]
    [InlineData("W/\"-1\"")]
    [InlineData("W/\"99999999999\"")]
    [InlineData("3 4")]
    public void If_Match_that_names_no_version_is_a_bad_request(string header) =>
        Assert.Throws<InvalidRequestException>(() => ETags.ParseIfMatch(header));

    [Theory]
    [InlineData("W/\"2\"", 2, true)]
    [InlineData("W/\"1\", W/\"2\"", 2, true)]
    [InlineData("*", 5, true)]
    [InlineData("W/\"1\"", 2, false)]
    [InlineData("garbage", 2, false)]
    [InlineData(null, 2, false)]
    public void If_None_Match_holds_when_it_names_the_current_version(string? header, int version, bool expected) =>
        Assert.Equal(expected, ETags.IfNoneMatchHolds(header, version));

    [Fact]
    public void ETag_is_weak_and_quotes_the_version() => Assert.Equal("W/\"42\"", ETags.Format(42));
}
