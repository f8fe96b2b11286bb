using FhirEf.Core.Primitives;
using static FhirEf.Core.Tests.Primitives.FhirDateTests;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirInstantTests
{
    [Theory]
    [InlineData("2015-02-07T13:28:17Z", "2015-02-07T13:28:17.0000000Z", "2015-02-07T13:28:17.9999999Z")]
    [InlineData("2015-02-07T13:28:17.239+02:00", "2015-02-07T11:28:17.2390000Z", "2015-02-07T11:28:17.2399999Z")]
    [InlineData("2017-01-01T00:00:00.000000Z", "2017-01-01T00:00:00.0000000Z", "2017-01-01T00:00:00.0000009Z")]
    public void A_valid_instant_covers_its_last_written_digit(string text, string start, string end)
    {
        Assert.True(FhirInstant.TryParse(text, out var instant));
        Assert.True(FhirInstant.IsValid(text));

        Assert.Equal(start, Iso(instant.Start));
        Assert.Equal(end, Iso(instant.End));
        Assert.Equal(instant.Start, instant.Value);
    }

    [Fact]
    public void An_instant_keeps_the_offset_it_was_written_with()
    {
        Assert.True(FhirInstant.TryParse("2015-02-07T13:28:17.239+02:00", out var instant));

        Assert.Equal(TimeSpan.FromHours(2), instant.Value.Offset);
        Assert.Equal(new DateTime(2015, 2, 7, 13, 28, 17, 239), instant.Value.DateTime);
        Assert.Equal(3, instant.FractionDigits);
    }

    [Theory]
    [InlineData("2015")]
    [InlineData("2015-02")]
    [InlineData("2015-02-07")]
    [InlineData("2015-02-07T13:28:17")]
    [InlineData("2015-02-07T13:28Z")]
    [InlineData("2015-02-07T24:00:00Z")]
    [InlineData("2015-02-30T13:28:17Z")]
    public void An_invalid_instant_is_rejected(string text)
    {
        Assert.False(FhirInstant.TryParse(text, out _));
        Assert.False(FhirInstant.IsValid(text));
    }
}
