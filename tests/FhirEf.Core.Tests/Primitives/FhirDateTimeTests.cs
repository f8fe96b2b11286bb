using FhirEf.Core.Primitives;
using static FhirEf.Core.Tests.Primitives.FhirDateTests;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirDateTimeTests
{
    [Theory]
    [InlineData("2015", DateTimePrecision.Year, "2015-01-01T00:00:00.0000000Z", "2015-12-31T23:59:59.9999999Z")]
    [InlineData("2015-02", DateTimePrecision.Month, "2015-02-01T00:00:00.0000000Z", "2015-02-28T23:59:59.9999999Z")]
    [InlineData("2015-02-07", DateTimePrecision.Day, "2015-02-07T00:00:00.0000000Z", "2015-02-07T23:59:59.9999999Z")]
    [InlineData("2015-02-07T13:28:17Z", DateTimePrecision.Second, "2015-02-07T13:28:17.0000000Z", "2015-02-07T13:28:17.9999999Z")]
    [InlineData("2015-02-07T13:28:17+01:00", DateTimePrecision.Second, "2015-02-07T12:28:17.0000000Z", "2015-02-07T12:28:17.9999999Z")]
    [InlineData("2015-02-07T13:28:17-05:30", DateTimePrecision.Second, "2015-02-07T18:58:17.0000000Z", "2015-02-07T18:58:17.9999999Z")]
    [InlineData("2015-02-07T13:28:17.5Z", DateTimePrecision.Second, "2015-02-07T13:28:17.5000000Z", "2015-02-07T13:28:17.5999999Z")]
    [InlineData("2015-02-07T13:28:17.239Z", DateTimePrecision.Second, "2015-02-07T13:28:17.2390000Z", "2015-02-07T13:28:17.2399999Z")]
    [InlineData("2015-02-07T13:28:17.1234567Z", DateTimePrecision.Second, "2015-02-07T13:28:17.1234567Z", "2015-02-07T13:28:17.1234567Z")]
    [InlineData("2015-02-07T13:28:17.123456789Z", DateTimePrecision.Second, "2015-02-07T13:28:17.1234567Z", "2015-02-07T13:28:17.1234567Z")]
    [InlineData("2015-02-07T00:00:00+14:00", DateTimePrecision.Second, "2015-02-06T10:00:00.0000000Z", "2015-02-06T10:00:00.9999999Z")]
    [InlineData("2015-02-07T23:59:59-14:00", DateTimePrecision.Second, "2015-02-08T13:59:59.0000000Z", "2015-02-08T13:59:59.9999999Z")]
    [InlineData("2016-12-31T23:59:60Z", DateTimePrecision.Second, "2016-12-31T23:59:59.9999999Z", "2016-12-31T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00+01:00", DateTimePrecision.Second, "0001-01-01T00:00:00.0000000Z", "0001-01-01T00:00:00.0000000Z")]
    [InlineData("9999-12-31T23:59:59-01:00", DateTimePrecision.Second, "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999Z")]
    public void A_valid_dateTime_covers_its_precision_in_UTC(string text, DateTimePrecision precision, string start, string end)
    {
        Assert.True(FhirDateTime.TryParse(text, out var value));
        Assert.True(FhirDateTime.IsValid(text));

        Assert.Equal(precision, value.Precision);
        Assert.Equal(start, Iso(value.Start));
        Assert.Equal(end, Iso(value.End));
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void A_full_dateTime_keeps_its_time_offset_and_fraction_digits()
    {
        Assert.True(FhirDateTime.TryParse("2015-02-07T13:28:17.250-05:00", out var value));

        Assert.Equal((13, 28, 17), value.Time);
        Assert.Equal(TimeSpan.FromHours(-5), value.Offset);
        Assert.Equal(3, value.FractionDigits);
    }

    [Fact]
    public void A_partial_dateTime_has_no_time_and_no_offset()
    {
        Assert.True(FhirDateTime.TryParse("2015-02", out var value));

        Assert.Null(value.Time);
        Assert.Null(value.Offset);
        Assert.Null(value.Day);
        Assert.Equal(2, value.Month);
    }

    [Theory]
    [InlineData("2015-02-07T13:28:17")]
    [InlineData("2015-02-07T13:28Z")]
    [InlineData("2015-02-07T13:28")]
    [InlineData("2015-02-07T13Z")]
    [InlineData("2015-02-07T")]
    [InlineData("2015-02-07T24:00:00Z")]
    [InlineData("2015-02-07T23:60:00Z")]
    [InlineData("2015-02-07T23:59:61Z")]
    [InlineData("2015-02-07T13:28:17.Z")]
    [InlineData("2015-02-07T13:28:17z")]
    [InlineData("2015-02-07T13:28:17+0100")]
    [InlineData("2015-02-07T13:28:17+01")]
    [InlineData("2015-02-07T13:28:17+14:30")]
    [InlineData("2015-02-07T13:28:17+15:00")]
    [InlineData("2015-02-07T13:28:17+01:60")]
    [InlineData("2015-02-07 13:28:17Z")]
    [InlineData("2015-02-07t13:28:17Z")]
    [InlineData("2015-02T13:28:17Z")]
    [InlineData("2015T13:28:17Z")]
    [InlineData("2015-02-07Z")]
    [InlineData("2015-02-07T13:28:17ZZ")]
    [InlineData("1990-13-01")]
    [InlineData("1990-02-30")]
    [InlineData("2015-02-29T00:00:00Z")]
    [InlineData("")]
    public void An_invalid_dateTime_is_rejected(string text)
    {
        Assert.False(FhirDateTime.TryParse(text, out _));
        Assert.False(FhirDateTime.IsValid(text));
    }
}
