using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirStringSyntaxTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData(" padded ", true)]
    [InlineData("line\nbreak\r\nand\ttab", true)]
    [InlineData("ünïcødé ✓ 漢字", true)]
    [InlineData("", false)]
    [InlineData("bell\u0007", false)]
    [InlineData("nul\u0000", false)]
    [InlineData("escape\u001b", false)]
    [InlineData("vertical\u000btab", false)]
    public void String_is_non_empty_without_control_characters(string text, bool valid) =>
        Assert.Equal(valid, FhirStringSyntax.IsValidString(text));

    [Fact]
    public void String_stops_at_one_megabyte_of_characters()
    {
        Assert.True(FhirStringSyntax.IsValidString(new string('x', FhirStringSyntax.MaxStringLength)));
        Assert.False(FhirStringSyntax.IsValidString(new string('x', FhirStringSyntax.MaxStringLength + 1)));
    }

    [Theory]
    [InlineData("final", true)]
    [InlineData("a b", true)]
    [InlineData("a\tb", true)]
    [InlineData("http://loinc.org|1234-5", true)]
    [InlineData(" final", false)]
    [InlineData("final ", false)]
    [InlineData("a  b", false)]
    [InlineData("a \nb", false)]
    [InlineData("\n", false)]
    [InlineData("", false)]
    [InlineData("a\u0001b", false)]
    public void Code_has_no_leading_trailing_or_repeated_whitespace(string text, bool valid) =>
        Assert.Equal(valid, FhirStringSyntax.IsValidCode(text));

    [Theory]
    [InlineData("example", true)]
    [InlineData("a-B.9", true)]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234", true)]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345", false)]
    [InlineData("", false)]
    [InlineData("under_score", false)]
    [InlineData("with space", false)]
    [InlineData("slash/no", false)]
    [InlineData("ünï", false)]
    public void Id_is_1_to_64_letters_digits_dashes_and_dots(string text, bool valid) =>
        Assert.Equal(valid, FhirStringSyntax.IsValidId(text));
}
