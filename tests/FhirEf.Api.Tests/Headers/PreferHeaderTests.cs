using FhirEf.Api.Headers;
using Microsoft.Extensions.Primitives;

namespace FhirEf.Api.Tests.Headers;

public sealed class PreferHeaderTests
{
    [Theory]
    [InlineData("return=minimal", ReturnPreference.Minimal, HandlingPreference.Unspecified)]
    [InlineData("return=representation", ReturnPreference.Representation, HandlingPreference.Unspecified)]
    [InlineData("return=OperationOutcome", ReturnPreference.OperationOutcome, HandlingPreference.Unspecified)]
    [InlineData("handling=strict", ReturnPreference.Unspecified, HandlingPreference.Strict)]
    [InlineData("handling=lenient, return=minimal", ReturnPreference.Minimal, HandlingPreference.Lenient)]
    [InlineData("RETURN = \"minimal\"; foo=bar", ReturnPreference.Minimal, HandlingPreference.Unspecified)]
    [InlineData("respond-async", ReturnPreference.Unspecified, HandlingPreference.Unspecified)]
    [InlineData("return=everything", ReturnPreference.Unspecified, HandlingPreference.Unspecified)]
    [InlineData("return=", ReturnPreference.Unspecified, HandlingPreference.Unspecified)]
    [InlineData(",,;=;", ReturnPreference.Unspecified, HandlingPreference.Unspecified)]
    [InlineData("", ReturnPreference.Unspecified, HandlingPreference.Unspecified)]
    public void Prefer_reads_return_and_handling_and_ignores_what_it_does_not_know(string header, ReturnPreference expectedReturn, HandlingPreference expectedHandling)
    {
        var prefer = PreferHeader.Parse(new StringValues(header));

        Assert.Equal((expectedReturn, expectedHandling), (prefer.Return, prefer.Handling));
    }

    [Fact]
    public void Several_Prefer_headers_combine()
    {
        var prefer = PreferHeader.Parse(new StringValues(["return=minimal", "handling=strict"]));

        Assert.Equal((ReturnPreference.Minimal, HandlingPreference.Strict), (prefer.Return, prefer.Handling));
    }
}
