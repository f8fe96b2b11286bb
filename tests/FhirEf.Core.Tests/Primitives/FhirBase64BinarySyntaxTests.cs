using System.Text;
using FhirEf.Core.Primitives;

namespace FhirEf.Core.Tests.Primitives;

public sealed class FhirBase64BinarySyntaxTests
{
    [Theory]
    [InlineData("SGVsbG8=", true)]
    [InlineData("SGVsbG8h", true)]
    [InlineData("SGk=", true)]
    [InlineData("SA==", true)]
    [InlineData("SGVs\nbG8h", true)]
    [InlineData("  SGVs bG8h\r\n", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("SGVsbG8", false)]
    [InlineData("SG Vs", false)]
    [InlineData("S===", false)]
    [InlineData("SG=s", false)]
    [InlineData("SGk=SGk=", false)]
    [InlineData("SGV-bG8_", false)]
    [InlineData("SGVsbG8h\u0001", false)]
    [InlineData("SGVsbG8hé===", false)]
    public void Base64Binary_is_groups_of_four_with_padding_at_the_end(string text, bool valid)
    {
        Assert.Equal(valid, FhirBase64BinarySyntax.IsValid(text));
        Assert.Equal(valid, FhirBase64BinarySyntax.IsValidUtf8(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Whatever_base64Binary_accepts_decodes()
    {
        var encoded = Convert.ToBase64String([.. Enumerable.Range(0, 300).Select(i => (byte)i)], Base64FormattingOptions.InsertLineBreaks);

        Assert.True(FhirBase64BinarySyntax.IsValid(encoded));
    }
}
