using FhirEf.Core.Resources;
using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Decimals stay decimal: exact digits from the JSON, decimal arithmetic, no trip through double.</summary>
public sealed class DecimalTests
{
    private static readonly ElementNode Measurement = Resource(
        """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1.50},"component":[{"code":{"text":"big"},"valueQuantity":{"value":12345678901234567890.123456789}}]}""");

    [Theory]
    [InlineData("Observation.value.value", "[1.50]")]
    [InlineData("Observation.value.value.toString()", "[\"1.50\"]")]
    [InlineData("Observation.value.value = 1.5", "[true]")]
    [InlineData("Observation.value.value * 2", "[3.00]")]
    [InlineData("Observation.component.value.value", "[12345678901234567890.123456789]")]
    [InlineData("Observation.component.value.value + 0.000000001 = 12345678901234567890.123456790", "[true]")]
    [InlineData("0.1 + 0.2 = 0.3", "[true]")]
    [InlineData("1.0 / 3 * 3 = 1", "[false]")]
    [InlineData("(1.0 / 3 * 3) ~ 1.0", "[true]")]
    [InlineData("1.10.precision()", "[2]")]
    public void Decimal_values_keep_their_digits(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression, Measurement));
}
