using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirIntegerSyntaxTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("42", 42)]
    [InlineData("-42", -42)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void A_valid_integer_parses(string text, int expected)
    {
        Assert.True(FhirIntegerSyntax.TryParseInteger(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999")]
    [InlineData(" 1")]
    public void An_invalid_integer_is_rejected(string text) => Assert.False(FhirIntegerSyntax.TryParseInteger(text, out _));

    [Theory]
    [InlineData("1", true)]
    [InlineData("2147483647", true)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("-0", false)]
    [InlineData("01", false)]
    [InlineData("2147483648", false)]
    public void PositiveInt_is_one_or_more(string text, bool valid) => Assert.Equal(valid, FhirIntegerSyntax.TryParsePositiveInt(text, out _));

    [Theory]
    [InlineData("0", true)]
    [InlineData("1", true)]
    [InlineData("2147483647", true)]
    [InlineData("-1", false)]
    [InlineData("-0", false)]
    [InlineData("00", false)]
    [InlineData("2147483648", false)]
    public void UnsignedInt_is_zero_or_more(string text, bool valid) => Assert.Equal(valid, FhirIntegerSyntax.TryParseUnsignedInt(text, out _));
}
