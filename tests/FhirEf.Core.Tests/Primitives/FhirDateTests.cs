using System.Globalization;
using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirDateTests
{
    [Theory]
    [InlineData("1980", DateTimePrecision.Year, "1980-01-01T00:00:00.0000000Z", "1980-12-31T23:59:59.9999999Z")]
    [InlineData("1980-05", DateTimePrecision.Month, "1980-05-01T00:00:00.0000000Z", "1980-05-31T23:59:59.9999999Z")]
    [InlineData("1980-05-17", DateTimePrecision.Day, "1980-05-17T00:00:00.0000000Z", "1980-05-17T23:59:59.9999999Z")]
    [InlineData("2000-02", DateTimePrecision.Month, "2000-02-01T00:00:00.0000000Z", "2000-02-29T23:59:59.9999999Z")]
    [InlineData("1900-02", DateTimePrecision.Month, "1900-02-01T00:00:00.0000000Z", "1900-02-28T23:59:59.9999999Z")]
    [InlineData("2024-02-29", DateTimePrecision.Day, "2024-02-29T00:00:00.0000000Z", "2024-02-29T23:59:59.9999999Z")]
    [InlineData("0001", DateTimePrecision.Year, "0001-01-01T00:00:00.0000000Z", "0001-12-31T23:59:59.9999999Z")]
    [InlineData("9999", DateTimePrecision.Year, "9999-01-01T00:00:00.0000000Z", "9999-12-31T23:59:59.9999999Z")]
    [InlineData("9999-12-31", DateTimePrecision.Day, "9999-12-31T00:00:00.0000000Z", "9999-12-31T23:59:59.9999999Z")]
    public void A_valid_date_covers_its_whole_precision_as_UTC(string text, DateTimePrecision precision, string start, string end)
    {
        Assert.True(FhirDate.TryParse(text, out var date));
        Assert.True(FhirDate.IsValid(text));

        Assert.Equal(precision, date.Precision);
        Assert.Equal(start, Iso(date.Start));
        Assert.Equal(end, Iso(date.End));
        Assert.Equal(TimeSpan.Zero, date.Start.Offset);
        Assert.Equal(text, date.ToString());
    }

    [Fact]
    public void A_date_exposes_only_the_parts_it_states()
    {
        Assert.True(FhirDate.TryParse("1980-05", out var month));

        Assert.Equal((1980, 5, (int?)null), (month.Year, month.Month, month.Day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("198")]
    [InlineData("19800")]
    [InlineData("0000")]
    [InlineData("1990-13-01")]
    [InlineData("1990-00")]
    [InlineData("1990-02-30")]
    [InlineData("1990-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("1990-04-31")]
    [InlineData("1990-01-00")]
    [InlineData("1990-1-01")]
    [InlineData("1990-01-1")]
    [InlineData("1990-")]
    [InlineData("1990-01-")]
    [InlineData(" 1990")]
    [InlineData("1990 ")]
    [InlineData("1990/01/01")]
    [InlineData("1990-01-01T00:00:00Z")]
    [InlineData("1990-01-01Z")]
    [InlineData("-1990")]
    [InlineData("１９９０")]
    public void An_invalid_date_is_rejected(string text)
    {
        Assert.False(FhirDate.TryParse(text, out _));
        Assert.False(FhirDate.IsValid(text));
    }

    [Fact]
    public void A_null_date_is_rejected() => Assert.False(FhirDate.TryParse(null, out _));

    [Fact]
    public void Dates_are_equal_when_their_text_is()
    {
        Assert.True(FhirDate.TryParse("1980-05", out var a));
        Assert.True(FhirDate.TryParse("1980-05", out var b));
        Assert.True(FhirDate.TryParse("1980-05-01", out var c));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
