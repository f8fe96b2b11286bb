using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirTimeTests
{
    [Theory]
    [InlineData("00:00:00", 0, 0, 0, 0, "00:00:00")]
    [InlineData("13:28:17", 13, 28, 17, 0, "13:28:17")]
    [InlineData("23:59:59.5", 23, 59, 59, 1, "23:59:59.5")]
    [InlineData("08:30:00.123456789", 8, 30, 0, 9, "08:30:00.1234567")]
    [InlineData("23:59:60", 23, 59, 60, 0, "23:59:59.9999999")]
    public void A_valid_time_keeps_its_parts(string text, int hour, int minute, int second, int fractionDigits, string timeOfDay)
    {
        Assert.True(FhirTime.TryParse(text, out var time));
        Assert.True(FhirTime.IsValid(text));

        Assert.Equal((hour, minute, second, fractionDigits), (time.Hour, time.Minute, time.Second, time.FractionDigits));
        Assert.Equal(timeOfDay, time.TimeOfDay.ToString(@"hh\:mm\:ss\.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('.'));
        Assert.Equal(text, time.ToString());
    }

    [Theory]
    [InlineData("24:00:00")]
    [InlineData("25:00:00")]
    [InlineData("12:60:00")]
    [InlineData("12:00:61")]
    [InlineData("12:00")]
    [InlineData("1:00:00")]
    [InlineData("12:00:00.")]
    [InlineData("12:00:00Z")]
    [InlineData("12:00:00+01:00")]
    [InlineData("T12:00:00")]
    [InlineData("")]
    public void An_invalid_time_is_rejected(string text)
    {
        Assert.False(FhirTime.TryParse(text, out _));
        Assert.False(FhirTime.IsValid(text));
    }
}
