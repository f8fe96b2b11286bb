using System.Globalization;
using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirDecimalTests
{
    [Theory]
    [InlineData("100", "100", "99.5", "100.5")]
    [InlineData("1.50", "1.50", "1.495", "1.505")]
    [InlineData("1.5", "1.5", "1.45", "1.55")]
    [InlineData("0", "0", "-0.5", "0.5")]
    [InlineData("0.0", "0.0", "-0.05", "0.05")]
    [InlineData("-1.5", "-1.5", "-1.55", "-1.45")]
    [InlineData("0.00012", "0.00012", "0.000115", "0.000125")]
    [InlineData("1.5e3", "1500", "1450", "1550")]
    [InlineData("1.50E+3", "1500", "1495", "1505")]
    [InlineData("15e-1", "1.5", "1.45", "1.55")]
    [InlineData("123456789012345678901234567", "123456789012345678901234567", "123456789012345678901234566.5", "123456789012345678901234567.5")]
    [InlineData("0.123456789012345678901234567", "0.123456789012345678901234567", "0.1234567890123456789012345665", "0.1234567890123456789012345675")]
    public void A_decimal_keeps_its_exact_value_and_implied_precision(string text, string value, string lower, string upper)
    {
        Assert.True(FhirDecimal.TryParse(text, out var number));

        Assert.Equal(value, number.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(lower, number.LowerBound.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(upper, number.UpperBound.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(text, number.ToString());
    }

    [Fact]
    public void A_decimal_is_parsed_from_its_text_not_through_double()
    {
        // 2^53 + 1: a double reads 9007199254740992.
        Assert.True(FhirDecimal.TryParse("9007199254740993", out var beyondDouble));
        Assert.True(FhirDecimal.TryParse("0.1", out var tenth));

        Assert.Equal(9007199254740993m, beyondDouble.Value);
        Assert.Equal(0.3m, tenth.Value * 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.5.5")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("--1")]
    public void Text_outside_the_decimal_regex_is_rejected(string text)
    {
        Assert.False(FhirDecimal.TryParse(text, out _));
        Assert.False(FhirDecimal.IsValidSyntax(text));
    }

    [Theory]
    [InlineData("1.000000000000000000E-245")]
    [InlineData("-1.000000000000000000E+245")]
    [InlineData("1e28")]
    [InlineData("1234567890123456789012345678")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1e99999999999")]
    public void A_valid_decimal_that_decimal_cannot_hold_exactly_is_refused_not_rounded(string text)
    {
        Assert.True(FhirDecimal.IsValidSyntax(text));
        Assert.False(FhirDecimal.TryParse(text, out _));
    }
}
