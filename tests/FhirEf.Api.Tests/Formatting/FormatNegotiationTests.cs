using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Core.Errors;
using Microsoft.AspNetCore.Http;

namespace FhirEf.Api.Tests.Formatting;

public sealed class FormatNegotiationTests
{
    [Theory]
    [InlineData(null, null, "application/fhir+json; charset=utf-8")]
    [InlineData(null, "application/fhir+json", "application/fhir+json; charset=utf-8")]
    [InlineData(null, "application/json", "application/json; charset=utf-8")]
    [InlineData(null, "application/json+fhir", "application/fhir+json; charset=utf-8")]
    [InlineData(null, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/fhir+json; charset=utf-8")]
    [InlineData(null, "application/fhir+xml;q=1, application/json;q=0.5", "application/json; charset=utf-8")]
    [InlineData(null, "application/fhir+json; fhirVersion=4.0", "application/fhir+json; charset=utf-8")]
    [InlineData(null, "not a media type at all", "application/fhir+json; charset=utf-8")]
    [InlineData("json", "application/fhir+xml", "application/fhir+json; charset=utf-8")]
    [InlineData("application/json", null, "application/json; charset=utf-8")]
    [InlineData("application/fhir json", null, "application/fhir+json; charset=utf-8")]
    public void Json_is_written_as_the_client_names_it(string? format, string? accept, string expected)
    {
        Assert.Equal(expected, FormatNegotiation.Negotiate(Request(format, accept)).MediaType);
    }

    [Theory]
    [InlineData("xml", null)]
    [InlineData("application/fhir+xml", null)]
    [InlineData("ttl", null)]
    [InlineData("html", null)]
    [InlineData(null, "application/fhir+xml")]
    [InlineData(null, "application/xml, text/xml")]
    [InlineData(null, "application/fhir+json; fhirVersion=3.0")]
    [InlineData(null, "application/fhir+json;q=0")]
    public void Formats_other_than_json_are_not_acceptable(string? format, string? accept)
    {
        var error = Assert.Throws<NotAcceptableException>(() => FormatNegotiation.Negotiate(Request(format, accept)));

        Assert.Contains("application/fhir+json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_pretty=true", true, SummaryMode.False, null)]
    [InlineData("_summary=true", false, SummaryMode.True, null)]
    [InlineData("_summary=text", false, SummaryMode.Text, null)]
    [InlineData("_summary=data", false, SummaryMode.Data, null)]
    [InlineData("_summary=count", false, SummaryMode.Count, null)]
    [InlineData("_elements=name,birthDate&_elements=Patient.gender", false, SummaryMode.False, "name|birthDate|gender")]
    public void Pretty_summary_and_elements_are_read(string query, bool pretty, SummaryMode summary, string? elements)
    {
        var format = FormatNegotiation.Negotiate(Request(null, null, query));

        Assert.Equal((pretty, summary, elements), (format.Pretty, format.Summary, format.Elements is null ? null : string.Join('|', format.Elements)));
    }

    [Theory]
    [InlineData("_pretty=yes")]
    [InlineData("_summary=short")]
    public void Unknown_values_of_pretty_and_summary_are_bad_requests(string query) =>
        Assert.Throws<InvalidRequestException>(() => FormatNegotiation.Negotiate(Request(null, null, query)));

    private static HttpRequest Request(string? format, string? accept, string? query = null)
    {
        var context = new DefaultHttpContext();
        var parts = new List<string>();
        if (format is not null)
        {
            parts.Add("_format=" + Uri.EscapeDataString(format));
        }

        if (query is not null)
        {
            parts.Add(query);
        }

        context.Request.QueryString = new QueryString(parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts));
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        return context.Request;
    }
}
