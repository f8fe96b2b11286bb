using static FhirEf.Core.Tests.FhirPath.FhirPathTestData;

namespace FhirEf.Core.Tests.FhirPath;

/// <summary>Dates and times compare by precision (FHIRPath N1 §Date/Time Equality, §Comparison): unknown when one side is more precise.</summary>
public sealed class DateTimeComparisonTests
{
    [Theory]
    [InlineData("@2012 = @2012", "[true]")]
    [InlineData("@2012-01 = @2012", "[]")]
    [InlineData("@2012-01 ~ @2012", "[false]")]
    [InlineData("@2012-02 > @2012", "[]")]
    [InlineData("@2013-01 > @2012", "[true]")]
    [InlineData("@2012-01-01T10:30:31.0 = @2012-01-01T10:30:31", "[true]")]
    [InlineData("@2012-01-01T10:30:31.1 = @2012-01-01T10:30:31", "[false]")]
    [InlineData("@2012-01-01T10:30 < @2012-01-01T10:30:00", "[]")]
    [InlineData("@2012-01-01 = @2012-01-01T00:00:00", "[]")]
    [InlineData("@2012-01-01 < @2012-01-02T00:00:00", "[true]")]
    [InlineData("@2017-11-05T01:30:00.0-04:00 = @2017-11-05T00:30:00.0-05:00", "[true]")]
    [InlineData("@2017-11-05T01:30:00-04:00 > @2017-11-05T01:15:00-05:00", "[false]")]
    [InlineData("@2012-01-01T23:30:00-02:00 > @2012-01-02T00:30:00Z", "[true]")]
    [InlineData("@2012-04-15T15:00:00Z = @2012-04-15T10:00:00", "[]")]
    [InlineData("@2013-04-15T15:00:00Z > @2012-04-15T10:00:00", "[true]")]
    [InlineData("@T10:30 < @T10:30:00", "[]")]
    [InlineData("@T10:30:00 <= @T10:30:00.000", "[true]")]
    [InlineData("@2012-01-01 != @T10:00", "[true]")]
    public void Dates_compare_within_their_common_precision(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression));

    [Theory]
    [InlineData("@2012-01-31 + 1 month", "[\"2012-02-29\"]")]
    [InlineData("@2012-02-29 + 1 year", "[\"2013-02-28\"]")]
    [InlineData("@2014 + 24 months", "[\"2016\"]")]
    [InlineData("@2014 + 23 months", "[\"2015\"]")]
    [InlineData("@2016 + 365 days", "[\"2017\"]")]
    [InlineData("@2012-01-01T23:59:59.500+01:00 + 600 milliseconds", "[\"2012-01-02T00:00:00.100+01:00\"]")]
    [InlineData("@T23:30 + 1 hour", "[\"00:30\"]")]
    [InlineData("@2012-03-01 - 1 day", "[\"2012-02-29\"]")]
    public void Calendar_arithmetic_respects_month_lengths_and_precision(string expression, string expected) =>
        Assert.Equal(expected, EvaluateToJson(expression));

    [Theory]
    [InlineData("@2012-01-01 + 1 'mo'")]
    [InlineData("@2012-01-01 + 1 'cm'")]
    [InlineData("@2012-01-01 + 1 hour")]
    [InlineData("@T10:00 + 1 day")]
    public void Arithmetic_with_unsuitable_units_is_an_error(string expression) =>
        Assert.Throws<FhirEf.Core.FhirPath.FhirPathEvaluationException>(() => Evaluate(expression));

    [Fact]
    public void Fhir_date_elements_compare_as_dates()
    {
        var patient = Resource("""{"resourceType":"Patient","birthDate":"1974-12","deceasedDateTime":"2015-02-07T13:28:17-05:00"}""");

        Assert.Equal("[true]", EvaluateToJson("Patient.birthDate < @1975", patient));
        Assert.Equal("[]", EvaluateToJson("Patient.birthDate < @1974-12-25", patient));
        Assert.Equal("[true]", EvaluateToJson("Patient.deceased > @2015-02-07T18:00:00Z", patient));
        Assert.Equal("[true]", EvaluateToJson("Patient.deceased is dateTime", patient));
    }
}
