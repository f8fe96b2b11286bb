using FhirEf.Core.Bundles;
using FhirEf.Core.Errors;

namespace FhirEf.Core.Tests.Bundles;

public sealed class EntryRequestUrlTests
{
    [Theory]
    [InlineData("Patient", "Patient", "")]
    [InlineData("Patient/123", "Patient|123", "")]
    [InlineData("Patient/123/_history/2", "Patient|123|_history|2", "")]
    [InlineData("Patient?identifier=http://x|1", "Patient", "identifier=http://x|1")]
    [InlineData("/Patient/123/", "Patient|123", "")]
    [InlineData("Patient/123/$meta", "Patient|123|$meta", "")]
    [InlineData("?_type=Patient", "", "_type=Patient")]
    [InlineData("http://server/fhir/Patient/1", "Patient|1", "")]
    [InlineData("http://server/fhir/Patient?name=a", "Patient", "name=a")]
    public void Url_splits_into_segments_and_query(string url, string segments, string query)
    {
        var parsed = EntryRequestUrl.Parse(url, "http://server/fhir", "Bundle.entry[0].request.url");

        Assert.Equal(segments, string.Join('|', parsed.Segments));
        Assert.Equal(query, parsed.Query);
    }

    [Theory]
    [InlineData("http://elsewhere/fhir/Patient/1")]
    [InlineData("Patient//1")]
    public void Url_that_cannot_be_on_this_server_is_a_bad_request(string url)
    {
        var error = Assert.Throws<InvalidRequestException>(() => EntryRequestUrl.Parse(url, "http://server/fhir", "Bundle.entry[2].request.url"));

        Assert.Equal("Bundle.entry[2].request.url", error.Expression);
    }
}
